/**
 * The pack beside its peers: every check of Pulumi's compliance-policies, the awsguard pack and checkov's
 * Terraform AWS checks that applies to a resource type a service like this one uses, with the rule of ours
 * that covers it or why we differ. `npm run catalogue` renders it into docs/peers.md; test/catalogue.test.ts
 * keeps it honest (every rule named exists, every check says one or the other, the document is current).
 *
 * In scope: RDS instances, clusters and their parameter and subnet groups; KMS keys; IAM roles, users, groups,
 * policies and attachments; S3 buckets and their configuration resources; ElastiCache; security groups and
 * their rules, VPCs and subnets; SNS topics; Secrets Manager; CloudWatch alarms and log groups; the AWS
 * provider; and, for the rules on types a stack may add beside the template, DynamoDB tables, CloudFront
 * distributions and Lambda environments. Checks of other types (load balancers, EC2 instances, Redshift, ...)
 * are left out.
 */

export interface PeerCheck {
    /** The peer's own id for the check. */
    id: string;
    /** What the check asks, in the peer's words (shortened). */
    title: string;
    /** Rules of this pack that catch what the check catches. */
    ours?: string[];
    /** How and why the pack differs: set when it does not cover the check, or covers it differently. */
    differs?: string;
}

export interface Peer {
    name: string;
    /** Where its checks were read: repository, path and the commit read. */
    source: string;
    checks: PeerCheck[];
}

// Reasons shared by several checks, so each difference is argued once.
const PUBLIC_RDS =
    "Deliberate: with `service:reachability: public` Vercel functions (dynamic IPs) reach Postgres over the internet, so the instance is public behind forced TLS, a security group limited to `service:database.allowedCidrs` and a least-privilege role; rds-not-public-without-tls refuses a public database whose parameter group does not force TLS. Private reachability (Secure Compute) keeps it private.";
const AES256 =
    "Deliberate: the bucket is encrypted with SSE-S3 (AES256, s3-encryption-at-rest), not SSE-KMS; access is controlled by the bucket policy and the app's role, and a KMS key would add a per-request cost and a second policy without narrowing who can read.";
const NO_REPLICATION =
    "Deliberate: no cross-region replication; versioning and noncurrent-version retention (s3-versioning, s3-lifecycle) cover overwrites and deletes, and a second region doubles storage cost for a single-region service.";
const NO_IAM_USERS =
    "The template creates no IAM users (people use SSO, CI uses OIDC); a user, group or policy a stack does declare is still judged on what it grants by the IAM rules.";
const SERVICE_KEY =
    "Encrypted with the service's own key (the same choice as AES256 for the bucket): access is decided by IAM and the resource's policy, which the pack checks, not by a key policy.";
const WRITES_NAMED =
    "Covers `*` and service wildcards reaching writes on every resource; a named write action on `*` (logs:CreateLogStream, xray:PutTraceSegments, which only accept `*`) is not refused.";

export const PEERS: Peer[] = [
    {
        name: "Pulumi compliance-policies (AWS Classic)",
        source: "pulumi/compliance-policies, vendor-aws/aws/, commit 712a901751b66642c0824c0a445197a3c64e10e3",
        checks: [
            { id: "aws-ec2-securitygroup-disallow-inbound-http-traffic", title: "Security groups do not allow inbound HTTP traffic", ours: ["security-group-ingress-restricted"] },
            { id: "aws-ec2-securitygroup-disallow-public-internet-ingress", title: "Security groups do not allow ingress from the internet", ours: ["security-group-ingress-restricted"], differs: `Only the Postgres port may be open to the internet, in public reachability. ${PUBLIC_RDS}` },
            { id: "aws-ec2-securitygroup-missing-description", title: "Security groups have a description", ours: ["resources-described"] },
            { id: "aws-ec2-securitygroup-missing-egress-rule-description", title: "Egress rules have a description", ours: ["resources-described"] },
            { id: "aws-ec2-securitygroup-missing-ingress-rule-description", title: "Ingress rules have a description", ours: ["resources-described"] },
            { id: "aws-iam-policy-attachment-only-attachment-through-groups", title: "Users receive permissions only through groups", differs: NO_IAM_USERS },
            { id: "aws-iam-user-policy-attachment-only-attachment-through-groups", title: "Users receive permissions only through groups", differs: NO_IAM_USERS },
            { id: "aws-kms-key-disallow-bypass-policy-lockout-safety-check", title: "Keys do not bypass the policy lockout safety check", ours: ["kms-no-lockout-bypass"] },
            { id: "aws-kms-key-enable-key-rotation", title: "Keys rotate", ours: ["kms-key-rotation"] },
            { id: "aws-kms-key-missing-description", title: "Keys have a description", ours: ["resources-described"] },
            { id: "aws-rds-cluster-configure-backup-retention", title: "Cluster backup retention is configured", ours: ["rds-backup-retention"] },
            { id: "aws-rds-cluster-configure-customer-managed-key", title: "Cluster storage uses a customer-managed key", ours: ["rds-storage-encrypted"] },
            {
                id: "aws-rds-cluster-disallow-single-availability-zone",
                title: "Clusters do not use a single availability zone",
                differs: "Aurora storage is replicated across three zones by design; availability of compute is judged per instance (rds-multi-az on instances, elasticache-failover for caches). The template runs a single RDS instance, not a cluster.",
            },
            { id: "aws-rds-cluster-disallow-unencrypted-storage", title: "Cluster storage is encrypted", ours: ["rds-storage-encrypted"] },
            { id: "aws-rds-cluster-enable-backup-retention", title: "Cluster backups are enabled", ours: ["rds-backup-retention"] },
            { id: "aws-rds-clusterinstance-disallow-public-access", title: "Cluster instances are not public", ours: ["rds-not-public-without-tls"], differs: PUBLIC_RDS },
            { id: "aws-rds-clusterinstance-disallow-unencrypted-performance-insights", title: "Cluster instance Performance Insights is encrypted", ours: ["rds-performance-insights-encrypted"] },
            { id: "aws-rds-clusterinstance-enable-performance-insights", title: "Cluster instances have Performance Insights", ours: ["rds-monitoring"] },
            { id: "aws-rds-instance-configure-backup-retention", title: "Instance backup retention is adequate", ours: ["rds-backup-retention"] },
            { id: "aws-rds-instance-configure-customer-managed-key", title: "Instance storage uses a customer-managed key", ours: ["rds-storage-encrypted"] },
            { id: "aws-rds-instance-disallow-public-access", title: "Instances are not public", ours: ["rds-not-public-without-tls"], differs: PUBLIC_RDS },
            { id: "aws-rds-instance-disallow-unencrypted-performance-insights", title: "Instance Performance Insights is encrypted", ours: ["rds-performance-insights-encrypted"] },
            { id: "aws-rds-instance-disallow-unencrypted-storage", title: "Instance storage is encrypted", ours: ["rds-storage-encrypted"] },
            { id: "aws-rds-instance-enable-backup-retention", title: "Instance backups are enabled", ours: ["rds-backup-retention"] },
            { id: "aws-rds-instance-enable-performance-insights", title: "Instances have Performance Insights", ours: ["rds-monitoring"] },
            { id: "aws-s3-bucket-configure-replication-configuration", title: "Buckets have cross-region replication configured", differs: NO_REPLICATION },
            { id: "aws-s3-bucket-configure-server-side-encryption-customer-managed-key", title: "Bucket encryption uses a customer-managed key", differs: AES256 },
            { id: "aws-s3-bucket-configure-server-side-encryption-kms", title: "Bucket encryption uses KMS", differs: AES256 },
            { id: "aws-s3-bucket-disallow-public-read", title: "Bucket ACLs are not public-read, public-read-write or authenticated-read", ours: ["s3-acls-disabled"] },
            { id: "aws-s3-bucket-enable-replication-configuration", title: "Buckets have cross-region replication enabled", differs: NO_REPLICATION },
            { id: "aws-s3-bucket-enable-server-side-encryption", title: "Bucket encryption is enabled", ours: ["s3-encryption-at-rest"] },
            { id: "aws-s3-bucket-enable-server-side-encryption-bucket-key", title: "Bucket encryption uses a bucket key", differs: `A bucket key only reduces KMS calls of SSE-KMS. ${AES256}` },
            { id: "aws-secretsmanager-secret-configure-customer-managed-key", title: "Secrets use a customer-managed key", differs: SERVICE_KEY },
            { id: "aws-secretsmanager-secret-missing-description", title: "Secrets have a description", ours: ["resources-described"] },
        ],
    },
    {
        name: "awsguard (@pulumi/awsguard)",
        source: "pulumi/pulumi-policy-aws, src/, commit 4355f3be903b4e13396fbcc3f735cabec89db92a",
        checks: [
            { id: "rds-instance-backup-enabled", title: "RDS instances have backups enabled (optionally a retention and window)", ours: ["rds-backup-retention"], differs: "The retention is a minimum per environment, not an exact value; the backup window is not judged." },
            { id: "rds-instance-multi-az-enabled", title: "RDS instances are Multi-AZ", ours: ["rds-multi-az"] },
            { id: "rds-instance-public-access", title: "RDS instances are not publicly accessible", ours: ["rds-not-public-without-tls"], differs: PUBLIC_RDS },
            { id: "rds-storage-encrypted", title: "RDS storage is encrypted (optionally with a given key)", ours: ["rds-storage-encrypted"] },
            { id: "cmk-backing-key-rotation-enabled", title: "Customer master keys rotate", ours: ["kms-key-rotation"] },
            { id: "security-group-no-rule-management-conflicts", title: "A security group's rules are not managed both inline and by rule resources", ours: ["security-group-rules-not-mixed"] },
            { id: "iam-role-no-policy-management-conflicts", title: "A role's policies are not managed both inline and by attachments", ours: ["iam-role-policies-not-mixed"] },
            {
                id: "s3-bucket-logging-enabled",
                title: "Buckets have server access logging",
                differs: "Not required: server access logs are best-effort, need a log bucket per stack and are rarely read for an upload bucket; the app's own request logs (sent to the log drain) say who uploaded what.",
            },
            { id: "mfa-enabled-for-iam-console-access", title: "IAM users with console access have MFA", differs: NO_IAM_USERS },
            { id: "access-keys-rotated", title: "IAM access keys are rotated", differs: `${NO_IAM_USERS} Static keys on the AWS provider are refused outright (aws-provider-no-static-credentials).` },
        ],
    },
    {
        name: "checkov (Terraform, AWS)",
        source: "bridgecrewio/checkov, checkov/terraform/checks/{resource,provider,graph_checks}/aws/, commit 03d5fdad8d6154b1565799a7b1fb8070c158866f",
        checks: [
            { id: "CKV_AWS_16", title: "RDS instance storage is encrypted", ours: ["rds-storage-encrypted"] },
            { id: "CKV_AWS_96", title: "Aurora cluster storage is encrypted", ours: ["rds-storage-encrypted"] },
            { id: "CKV_AWS_327", title: "RDS cluster is encrypted with a customer-managed key", ours: ["rds-storage-encrypted"] },
            { id: "CKV_AWS_17", title: "RDS instance is not publicly accessible", ours: ["rds-not-public-without-tls"], differs: PUBLIC_RDS },
            { id: "CKV2_AWS_69", title: "RDS instance enforces encryption in transit", ours: ["rds-tls-enforced"] },
            { id: "CKV_AWS_133", title: "RDS backup retention is set", ours: ["rds-backup-retention"] },
            { id: "CKV_AWS_139", title: "RDS cluster has deletion protection", ours: ["rds-deletion-protection"] },
            { id: "CKV_AWS_293", title: "RDS instance has deletion protection", ours: ["rds-deletion-protection"] },
            { id: "CKV_AWS_157", title: "RDS instance is Multi-AZ", ours: ["rds-multi-az"] },
            { id: "CKV_AWS_129", title: "RDS instance exports its logs", ours: ["rds-monitoring"] },
            { id: "CKV_AWS_324", title: "RDS cluster exports its logs", ours: ["rds-monitoring"] },
            { id: "CKV_AWS_325", title: "RDS cluster exports audit logs", ours: ["rds-monitoring"], differs: "For Postgres the pack requires the postgresql log; MySQL audit logs are not named." },
            { id: "CKV_AWS_118", title: "RDS enhanced monitoring is on", ours: ["rds-monitoring"] },
            { id: "CKV_AWS_353", title: "RDS Performance Insights is on", ours: ["rds-monitoring"] },
            { id: "CKV_AWS_354", title: "RDS Performance Insights is encrypted with a customer-managed key", ours: ["rds-performance-insights-encrypted"] },
            { id: "CKV_AWS_226", title: "RDS takes minor version upgrades", ours: ["rds-minor-version-upgrade"] },
            { id: "CKV_AWS_211", title: "RDS uses a current CA certificate", ours: ["rds-ca-certificate-current"] },
            { id: "CKV_AWS_313", title: "RDS cluster copies tags to snapshots", ours: ["rds-copy-tags-to-snapshot"] },
            { id: "CKV2_AWS_60", title: "RDS instance copies tags to snapshots", ours: ["rds-copy-tags-to-snapshot"] },
            {
                id: "CKV_AWS_161",
                title: "RDS instance uses IAM authentication",
                differs: "The app connects as its own least-privilege Postgres role (postgres-role-least-privilege) with a generated password handed to it as a sensitive variable; IAM tokens would put an AWS credential in every function and expire every 15 minutes.",
            },
            { id: "CKV_AWS_162", title: "RDS cluster uses IAM authentication", differs: "As CKV_AWS_161: the app has its own Postgres role and password instead of IAM tokens." },
            { id: "CKV_AWS_326", title: "Aurora MySQL has backtracking", differs: "A MySQL-only feature; the template runs Postgres, restored to a point in time from automated backups (rds-backup-retention)." },
            { id: "CKV_AWS_250", title: "RDS Postgres is not on a version with the vulnerable log_fdw extension", ours: ["rds-minor-version-upgrade"], differs: "Judged by how fixes arrive (automatic minor upgrades), not by a list of engine versions." },
            { id: "CKV_AWS_388", title: "Aurora Postgres is not on an unpatched version", ours: ["rds-minor-version-upgrade"], differs: "Judged by how fixes arrive (automatic minor upgrades), not by a list of engine versions." },
            {
                id: "CKV2_AWS_27",
                title: "Aurora Postgres has query logging",
                differs: "Logging every statement writes request data and personal data into the logs; the template logs slow queries and lock waits in its parameter group and exports the postgresql log (rds-monitoring).",
            },
            { id: "CKV2_AWS_30", title: "RDS Postgres has query logging", differs: "As CKV2_AWS_27: slow queries and lock waits are logged, not every statement." },
            {
                id: "CKV2_AWS_8",
                title: "RDS cluster is in an AWS Backup plan",
                differs: "Automated backups with point-in-time restore (rds-backup-retention), a final snapshot (rds-final-snapshot) and deletion protection; no AWS Backup vault or cross-account copies, like the bucket's choice of no cross-region replication.",
            },
            { id: "CKV_AWS_7", title: "KMS keys rotate", ours: ["kms-key-rotation"] },
            { id: "CKV_AWS_33", title: "KMS key policy has no wildcard principal", ours: ["kms-key-policy-restricted"], differs: "A `*` principal pinned by kms:CallerAccount, aws:PrincipalOrgID or a network condition is accepted (the shape of AWS's own default policies)." },
            { id: "CKV_AWS_227", title: "KMS key is enabled", ours: ["kms-key-enabled-while-used"], differs: "A disabled key is refused only while the stack still encrypts with it; disabling an unused key is how one is retired before deletion." },
            { id: "CKV2_AWS_64", title: "KMS key has a policy", differs: "A key without a policy gets KMS's default (the account administers it through IAM), which kms-key-policy-restricted accepts; the template writes a policy where services must use the key." },
            { id: "CKV_AWS_62", title: "No IAM policy grants `*:*` administrator access", ours: ["iam-no-admin-access"] },
            { id: "CKV_AWS_274", title: "No role, user or group has AdministratorAccess", ours: ["iam-no-admin-access"] },
            { id: "CKV_AWS_63", title: "No IAM policy allows `*` actions", ours: ["iam-no-wildcard-actions"] },
            { id: "CKV_AWS_355", title: "No IAM policy allows `*` resources for restrictable actions", ours: ["iam-no-wildcard-actions", "iam-no-privilege-escalation", "iam-no-credentials-exposure", "iam-no-data-exfiltration", "iam-no-permissions-management"], differs: WRITES_NAMED },
            { id: "CKV_AWS_286", title: "IAM policies do not allow privilege escalation", ours: ["iam-no-privilege-escalation"], differs: "Single-action escalations are refused on every resource; multi-step combinations (iam:PassRole plus lambda:CreateFunction) are caught through iam:PassRole on `*`." },
            { id: "CKV_AWS_287", title: "IAM policies do not allow credentials exposure", ours: ["iam-no-credentials-exposure"] },
            { id: "CKV_AWS_288", title: "IAM policies do not allow data exfiltration", ours: ["iam-no-data-exfiltration"] },
            { id: "CKV_AWS_289", title: "IAM policies do not allow permissions management without constraints", ours: ["iam-no-permissions-management"] },
            { id: "CKV_AWS_290", title: "IAM policies do not allow write access without constraints", ours: ["iam-no-wildcard-actions"], differs: WRITES_NAMED },
            { id: "CKV2_AWS_40", title: "No IAM policy allows full IAM privileges", ours: ["iam-no-privilege-escalation", "iam-no-permissions-management"] },
            { id: "CKV2_AWS_56", title: "The IAMFullAccess managed policy is not used", ours: ["iam-no-privilege-escalation"] },
            { id: "CKV_AWS_60", title: "A role can be assumed only by specific services or principals", ours: ["iam-trust-policy-restricted"] },
            {
                id: "CKV_AWS_61",
                title: "A role's trust policy does not admit a whole account",
                ours: ["iam-trust-policy-restricted"],
                differs: "The stack's own account (allowedAccountIds) may be trusted, and another account's root only with a condition (sts:ExternalId, aws:PrincipalArn, MFA).",
            },
            {
                id: "CKV_AWS_393",
                title: "A role trusting GitHub Actions OIDC pins the repository",
                ours: ["iam-trust-policy-restricted"],
                differs: "Every OIDC federation (GitHub Actions, Vercel, any issuer) must pin `<issuer>:sub`; the value is not required to name a branch or environment, except for the app's Vercel role (iam-oidc-role-scoped).",
            },
            { id: "CKV_AWS_40", title: "IAM policies are attached only to groups or roles", differs: NO_IAM_USERS },
            { id: "CKV_AWS_273", title: "Access goes through SSO, not IAM users", differs: NO_IAM_USERS },
            { id: "CKV2_AWS_14", title: "IAM groups have at least one user", differs: NO_IAM_USERS },
            { id: "CKV2_AWS_21", title: "IAM users are members of a group", differs: NO_IAM_USERS },
            { id: "CKV2_AWS_22", title: "IAM users have no console access", differs: NO_IAM_USERS },
            { id: "CKV_AWS_41", title: "No hard-coded access key and secret key in the provider", ours: ["aws-provider-no-static-credentials"] },
            { id: "CKV_AWS_19", title: "S3 data is encrypted at rest", ours: ["s3-encryption-at-rest"] },
            { id: "CKV_AWS_145", title: "S3 buckets are encrypted with KMS by default", differs: AES256 },
            { id: "CKV_AWS_186", title: "S3 objects are encrypted with a customer-managed key", differs: AES256 },
            { id: "CKV_AWS_21", title: "S3 versioning is on", ours: ["s3-versioning"] },
            { id: "CKV2_AWS_61", title: "S3 bucket has a lifecycle configuration", ours: ["s3-lifecycle"] },
            { id: "CKV_AWS_300", title: "S3 lifecycle aborts incomplete multipart uploads", ours: ["s3-lifecycle"] },
            { id: "CKV_AWS_144", title: "S3 cross-region replication is on", differs: NO_REPLICATION },
            { id: "CKV_AWS_18", title: "S3 access logging is on", differs: "As awsguard's s3-bucket-logging-enabled: the app's request logs say who uploaded what; server access logs are not required." },
            {
                id: "CKV_AWS_143",
                title: "S3 Object Lock is on",
                differs: "Object Lock (write-once) would stop the app from honouring deletion requests for personal data; versioning with noncurrent-version retention (s3-versioning, s3-lifecycle) makes deletes undoable instead.",
            },
            { id: "CKV2_AWS_62", title: "S3 event notifications are on", differs: "Nothing in the service consumes bucket events; uploads go through the app, which records them." },
            { id: "CKV2_AWS_6", title: "S3 bucket has a public access block", ours: ["s3-public-access-blocked"] },
            { id: "CKV_AWS_53", title: "S3 block public ACLs", ours: ["s3-public-access-blocked"] },
            { id: "CKV_AWS_54", title: "S3 block public policy", ours: ["s3-public-access-blocked"] },
            { id: "CKV_AWS_55", title: "S3 ignore public ACLs", ours: ["s3-public-access-blocked"] },
            { id: "CKV_AWS_56", title: "S3 restrict public buckets", ours: ["s3-public-access-blocked"] },
            { id: "CKV_AWS_392", title: "S3 access point blocks public access", ours: ["s3-public-access-blocked"] },
            { id: "CKV2_AWS_65", title: "S3 ACLs are disabled", ours: ["s3-acls-disabled"] },
            { id: "CKV_AWS_20", title: "S3 ACL does not allow public read", ours: ["s3-acls-disabled"] },
            { id: "CKV_AWS_57", title: "S3 ACL does not allow public write", ours: ["s3-acls-disabled"] },
            { id: "CKV2_AWS_43", title: "S3 does not allow all authenticated users", ours: ["s3-acls-disabled"] },
            { id: "CKV_AWS_375", title: "S3 has no global view ACL", ours: ["s3-acls-disabled"] },
            { id: "CKV_AWS_70", title: "S3 bucket policy does not allow any principal", ours: ["s3-no-public-policy"] },
            { id: "CKV_AWS_93", title: "S3 bucket policy does not lock out all but root", ours: ["s3-policy-no-deny-all"] },
            { id: "CKV_AWS_379", title: "S3 bucket policy requires secure transport", ours: ["s3-tls-only"] },
            { id: "CKV_AWS_29", title: "ElastiCache replication group encrypts at rest", ours: ["elasticache-encryption-at-rest"] },
            { id: "CKV_AWS_30", title: "ElastiCache replication group encrypts in transit", ours: ["elasticache-encryption-in-transit"] },
            { id: "CKV_AWS_31", title: "ElastiCache replication group uses an auth token", ours: ["elasticache-auth-token"] },
            { id: "CKV_AWS_191", title: "ElastiCache replication group is encrypted with a customer-managed key", differs: SERVICE_KEY },
            { id: "CKV2_AWS_50", title: "ElastiCache Redis has Multi-AZ automatic failover", ours: ["elasticache-failover"] },
            { id: "CKV_AWS_134", title: "ElastiCache cluster has automatic backups", ours: ["elasticache-snapshots"] },
            { id: "CKV_AWS_322", title: "ElastiCache cluster takes minor version upgrades", ours: ["elasticache-minor-version-upgrade"] },
            { id: "CKV_AWS_323", title: "ElastiCache cluster is in a custom subnet group", ours: ["elasticache-custom-subnet-group"] },
            { id: "CKV_AWS_24", title: "No security group admits port 22 from 0.0.0.0/0", ours: ["security-group-ingress-restricted"] },
            { id: "CKV_AWS_25", title: "No security group admits port 3389 from 0.0.0.0/0", ours: ["security-group-ingress-restricted"] },
            { id: "CKV_AWS_260", title: "No security group admits port 80 from 0.0.0.0/0", ours: ["security-group-ingress-restricted"] },
            { id: "CKV_AWS_277", title: "No security group admits all ports from 0.0.0.0/0", ours: ["security-group-ingress-restricted"] },
            {
                id: "CKV_AWS_382",
                title: "No security group allows all egress to 0.0.0.0/0",
                ours: ["datastore-egress-restricted"],
                differs: "Refused on the groups of databases, proxies and caches, which open no connections; a group of a workload that calls APIs on the internet may allow egress.",
            },
            { id: "CKV_AWS_23", title: "Security groups and their rules have descriptions", ours: ["resources-described"] },
            {
                id: "CKV2_AWS_12",
                title: "The default security group restricts all traffic",
                ours: ["security-group-ingress-restricted", "security-group-rules-not-mixed"],
                differs: "The network component declares the default group with no rules (closed); the pack refuses internet ingress on it and rules added to it by rule resources, but not inline rules from inside the VPC.",
            },
            { id: "CKV2_AWS_5", title: "Security groups are attached to a resource", differs: "An unattached group admits nothing; it is dead configuration, not exposure." },
            {
                id: "CKV_AWS_130",
                title: "Subnets do not assign public IPs on launch",
                differs: "Not a rule: the network component sets mapPublicIpOnLaunch false on every subnet, and the only public endpoint (RDS in public reachability) is judged by rds-not-public-without-tls.",
            },
            {
                id: "CKV2_AWS_11",
                title: "VPC flow logs are on",
                differs: "The VPC carries only datastore traffic, which the datastores log themselves (Postgres logs, ElastiCache metrics); flow logs are left to the team, as they cost per GB.",
            },
            { id: "CKV_AWS_169", title: "SNS topic policy does not allow any principal", ours: ["sns-topic-policy-restricted"] },
            { id: "CKV_AWS_385", title: "SNS topic policy does not allow cross-account access", differs: "A topic policy naming another account's principal is an explicit grant; the pack refuses `*` without a pinning condition (sns-topic-policy-restricted) and leaves named grants to review." },
            { id: "CKV_AWS_26", title: "SNS topics are encrypted", differs: "The Monitoring component encrypts its alerts topic with its own key; other topics are not required to, since alarm notifications carry no user data." },
            { id: "CKV_AWS_149", title: "Secrets Manager secrets use a customer-managed key", differs: SERVICE_KEY },
            {
                id: "CKV2_AWS_57",
                title: "Secrets Manager secrets rotate automatically",
                ours: ["rds-master-password-managed"],
                differs: "The master password is rotated by RDS; app secrets (session and JWT keys) are generated (generated-secret-strength) and rotated by the runbook docs/runbooks/rotate-secret.md, since rotating them invalidates every session.",
            },
            { id: "CKV_AWS_304", title: "Secrets Manager secrets rotate within 90 days", ours: ["rds-master-password-managed"], differs: "As CKV2_AWS_57." },
            { id: "CKV_AWS_66", title: "CloudWatch log groups set a retention", ours: ["log-group-retention"] },
            { id: "CKV_AWS_338", title: "CloudWatch log groups keep logs at least a year", ours: ["log-group-retention"], differs: "Retention is a choice per stack (`service:database.logRetentionDays`); a year of logs is a cost and a store of personal data the service does not need." },
            { id: "CKV_AWS_158", title: "CloudWatch log groups are encrypted with KMS", differs: "CloudWatch Logs encrypts every log group at rest with its service key; access is decided by IAM, which the IAM rules check." },
            { id: "CKV_AWS_319", title: "CloudWatch alarm actions are enabled", ours: ["alarm-actions-reach-subscriber"] },
            // Types a stack may add beside the template, judged since issue 25 (read at the same commit).
            { id: "CKV_AWS_28", title: "DynamoDB point-in-time recovery is on", ours: ["dynamodb-recoverable"] },
            { id: "CKV_AWS_34", title: "CloudFront distribution ViewerProtocolPolicy is HTTPS", ours: ["cloudfront-https-only"] },
            { id: "CKV_AWS_45", title: "No hard-coded secrets in a Lambda environment", ours: ["lambda-environment-safe"] },
        ],
    },
];
