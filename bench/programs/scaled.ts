/**
 * The prod stack plus `scale:resources` generated resources, for the scaling curve of `npm run bench`.
 *
 * Resources come in units of ten shaped like a real service's: a component holding a Postgres instance,
 * its four alarms, an alerts topic with a subscription, an env var handing the app the database URL and a
 * bucket. Every link a rule follows is a real one (alarm dimensions and env var values computed from the
 * instance's outputs, alarm actions from the topic's ARN), so the stack rules relate thousands of resources
 * to thousands of others, as they would on a large stack.
 */
import * as pulumi from "@pulumi/pulumi";
import * as vercel from "@pulumiverse/vercel";
import * as aws from "../../components/aws";
import { loadStackSettings } from "../../config";

// The real program; its export (a promise of the stack's outputs) is this program's too.
import program = require("../../index");

const total = new pulumi.Config("scale").requireNumber("resources");
const { config } = loadStackSettings();
const tags = { service: config.name, environment: config.environment, owner: config.owner, "managed-by": "pulumi" };

class Unit extends pulumi.ComponentResource {
    constructor(name: string, opts?: pulumi.ComponentResourceOptions) {
        super("scale:bench:Unit", name, {}, opts);
        const child = { parent: this };
        const db = new aws.rds.Instance(`${name}-db`, {
            identifier: `${config.name}-${config.environment}-${name}`,
            engine: "postgres",
            instanceClass: "db.t4g.micro",
            allocatedStorage: 20,
            storageEncrypted: true,
            publiclyAccessible: false,
            backupRetentionPeriod: 14,
            deletionProtection: true,
            tags,
        }, { ...child, protect: true });
        const topic = new aws.sns.Topic(`${name}-alerts`, { name: `${config.name}-${config.environment}-${name}-alerts`, tags }, child);
        new aws.sns.TopicSubscription(`${name}-oncall`, { topic: topic.arn, protocol: "email", endpoint: "oncall@example.com" }, child);
        for (const metricName of ["CPUUtilization", "FreeStorageSpace", "DatabaseConnections", "FreeableMemory"]) {
            new aws.cloudwatch.MetricAlarm(`${name}-${metricName}`, {
                name: `${config.name}-${config.environment}-${name}-${metricName}`,
                namespace: "AWS/RDS",
                metricName,
                dimensions: { DBInstanceIdentifier: db.identifier },
                comparisonOperator: "GreaterThanThreshold",
                threshold: 80,
                evaluationPeriods: 3,
                period: 300,
                statistic: "Average",
                alarmActions: [topic.arn],
                tags,
            }, child);
        }
        new vercel.ProjectEnvironmentVariable(`${name}-database-url`, {
            projectId: "prj_scaled",
            teamId: "team_scaled",
            key: `DATABASE_URL_${name.replace(/\W/g, "_").toUpperCase()}`,
            value: pulumi.secret(pulumi.interpolate`postgres://app@${db.address}:5432/app?sslmode=require`),
            targets: ["production"],
            sensitive: true,
        }, child);
        new aws.s3.Bucket(`${name}-files`, { bucket: `${config.name}-${config.environment}-${name}-files`, tags }, child);
        this.registerOutputs({});
    }
}

for (let i = 0; i < Math.ceil(total / 10); i++) new Unit(`unit${i}`);

export = program;
