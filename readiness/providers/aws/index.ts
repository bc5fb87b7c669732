/**
 * Input validators of terraform-provider-aws (the v6 line that @pulumi/aws 7.x bridges), one file per AWS service,
 * each with its coverage (readiness/providers/coverage.ts); what the services share is in ./common.ts.
 */
import type { Validator } from "../validator";
import * as budgets from "./budgets";
import * as cloudwatch from "./cloudwatch";
import * as ec2 from "./ec2";
import * as elasticache from "./elasticache";
import * as iam from "./iam";
import * as kms from "./kms";
import * as lambda from "./lambda";
import * as provider from "./provider";
import * as rds from "./rds";
import * as route53 from "./route53";
import * as s3 from "./s3";
import * as secretsmanager from "./secretsmanager";
import * as sns from "./sns";
import * as vpc from "./vpc";

export const awsValidators: Validator[] = [
    ...budgets.validators,
    ...cloudwatch.validators,
    ...ec2.validators,
    ...elasticache.validators,
    ...iam.validators,
    ...kms.validators,
    ...lambda.validators,
    ...provider.validators,
    ...rds.validators,
    ...route53.validators,
    ...s3.validators,
    ...secretsmanager.validators,
    ...sns.validators,
    ...vpc.validators,
];
