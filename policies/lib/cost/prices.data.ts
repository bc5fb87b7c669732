// Data, not code: read and validated through PriceFileSchema (priceSchema.ts) by prices.ts, which says what it holds.
// `npm run refresh-prices` rewrites the AWS products (scripts/priceData.ts renders this file); Vercel and Upstash
// rows, and a region compiled from a cited public record, are edited by hand (docs/cost.md).
export const PRICE_FILE_DATA: unknown = {
    "currency": "USD",
    "note": "Compiled by hand on 2026-12-01 from the price page each region names, not from the Price List API: npm run refresh-prices replaces the AWS products of a region.",
    "products": [
        {
            "product": "rds-instances",
            "title": "RDS for PostgreSQL instance hours, on demand",
            "priceList": {"serviceCode":"AmazonRDS","filters":{"productFamily":"Database Instance","databaseEngine":"PostgreSQL"}},
            "regions": {
                "us-east-1": {
                    "date": "2026-12-01",
                    "source": "https://aws.amazon.com/rds/postgresql/pricing/",
                    "rows": [
                        {"id":"rds.instance.db.t4g.micro.single-az","description":"RDS for PostgreSQL db.t4g.micro, Single-AZ, on demand","unit":"hour","usd":0.016,"filters":{"instanceType":"db.t4g.micro","deploymentOption":"Single-AZ"}},
                        {"id":"rds.instance.db.t4g.micro.multi-az","description":"RDS for PostgreSQL db.t4g.micro, Multi-AZ (primary and standby), on demand","unit":"hour","usd":0.032,"filters":{"instanceType":"db.t4g.micro","deploymentOption":"Multi-AZ"}},
                        {"id":"rds.instance.db.t4g.small.single-az","description":"RDS for PostgreSQL db.t4g.small, Single-AZ, on demand","unit":"hour","usd":0.032,"filters":{"instanceType":"db.t4g.small","deploymentOption":"Single-AZ"}},
                        {"id":"rds.instance.db.t4g.small.multi-az","description":"RDS for PostgreSQL db.t4g.small, Multi-AZ (primary and standby), on demand","unit":"hour","usd":0.064,"filters":{"instanceType":"db.t4g.small","deploymentOption":"Multi-AZ"}},
                        {"id":"rds.instance.db.t4g.medium.single-az","description":"RDS for PostgreSQL db.t4g.medium, Single-AZ, on demand","unit":"hour","usd":0.065,"filters":{"instanceType":"db.t4g.medium","deploymentOption":"Single-AZ"}},
                        {"id":"rds.instance.db.t4g.medium.multi-az","description":"RDS for PostgreSQL db.t4g.medium, Multi-AZ (primary and standby), on demand","unit":"hour","usd":0.13,"filters":{"instanceType":"db.t4g.medium","deploymentOption":"Multi-AZ"}},
                        {"id":"rds.instance.db.t4g.large.single-az","description":"RDS for PostgreSQL db.t4g.large, Single-AZ, on demand","unit":"hour","usd":0.129,"filters":{"instanceType":"db.t4g.large","deploymentOption":"Single-AZ"}},
                        {"id":"rds.instance.db.t4g.large.multi-az","description":"RDS for PostgreSQL db.t4g.large, Multi-AZ (primary and standby), on demand","unit":"hour","usd":0.258,"filters":{"instanceType":"db.t4g.large","deploymentOption":"Multi-AZ"}},
                        {"id":"rds.instance.db.t4g.xlarge.single-az","description":"RDS for PostgreSQL db.t4g.xlarge, Single-AZ, on demand","unit":"hour","usd":0.258,"filters":{"instanceType":"db.t4g.xlarge","deploymentOption":"Single-AZ"}},
                        {"id":"rds.instance.db.t4g.xlarge.multi-az","description":"RDS for PostgreSQL db.t4g.xlarge, Multi-AZ (primary and standby), on demand","unit":"hour","usd":0.516,"filters":{"instanceType":"db.t4g.xlarge","deploymentOption":"Multi-AZ"}},
                        {"id":"rds.instance.db.t4g.2xlarge.single-az","description":"RDS for PostgreSQL db.t4g.2xlarge, Single-AZ, on demand","unit":"hour","usd":0.517,"filters":{"instanceType":"db.t4g.2xlarge","deploymentOption":"Single-AZ"}},
                        {"id":"rds.instance.db.t4g.2xlarge.multi-az","description":"RDS for PostgreSQL db.t4g.2xlarge, Multi-AZ (primary and standby), on demand","unit":"hour","usd":1.034,"filters":{"instanceType":"db.t4g.2xlarge","deploymentOption":"Multi-AZ"}},
                        {"id":"rds.instance.db.t3.micro.single-az","description":"RDS for PostgreSQL db.t3.micro, Single-AZ, on demand","unit":"hour","usd":0.018,"filters":{"instanceType":"db.t3.micro","deploymentOption":"Single-AZ"}},
                        {"id":"rds.instance.db.t3.micro.multi-az","description":"RDS for PostgreSQL db.t3.micro, Multi-AZ (primary and standby), on demand","unit":"hour","usd":0.036,"filters":{"instanceType":"db.t3.micro","deploymentOption":"Multi-AZ"}},
                        {"id":"rds.instance.db.t3.small.single-az","description":"RDS for PostgreSQL db.t3.small, Single-AZ, on demand","unit":"hour","usd":0.036,"filters":{"instanceType":"db.t3.small","deploymentOption":"Single-AZ"}},
                        {"id":"rds.instance.db.t3.small.multi-az","description":"RDS for PostgreSQL db.t3.small, Multi-AZ (primary and standby), on demand","unit":"hour","usd":0.072,"filters":{"instanceType":"db.t3.small","deploymentOption":"Multi-AZ"}},
                        {"id":"rds.instance.db.t3.medium.single-az","description":"RDS for PostgreSQL db.t3.medium, Single-AZ, on demand","unit":"hour","usd":0.072,"filters":{"instanceType":"db.t3.medium","deploymentOption":"Single-AZ"}},
                        {"id":"rds.instance.db.t3.medium.multi-az","description":"RDS for PostgreSQL db.t3.medium, Multi-AZ (primary and standby), on demand","unit":"hour","usd":0.144,"filters":{"instanceType":"db.t3.medium","deploymentOption":"Multi-AZ"}},
                        {"id":"rds.instance.db.t3.large.single-az","description":"RDS for PostgreSQL db.t3.large, Single-AZ, on demand","unit":"hour","usd":0.145,"filters":{"instanceType":"db.t3.large","deploymentOption":"Single-AZ"}},
                        {"id":"rds.instance.db.t3.large.multi-az","description":"RDS for PostgreSQL db.t3.large, Multi-AZ (primary and standby), on demand","unit":"hour","usd":0.29,"filters":{"instanceType":"db.t3.large","deploymentOption":"Multi-AZ"}}
                    ]
                },
                "eu-west-1": {
                    "date": "2026-03-23",
                    "source": "criyoo/corpershub-infrastructure docs/Cloud_Deployment_Cost_Estimate.md at 5b0a897 (\"Unit Prices Used\", eu-west-1, reviewed 2026-03-23 from the AWS Price List offer files https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/{AmazonRDS,AmazonElastiCache,AmazonS3}/current/eu-west-1/index.json)",
                    "rows": [
                        {"id":"rds.instance.db.t4g.micro.single-az","description":"RDS for PostgreSQL db.t4g.micro, Single-AZ, on demand","unit":"hour","usd":0.017,"filters":{"instanceType":"db.t4g.micro","deploymentOption":"Single-AZ"}},
                        {"id":"rds.instance.db.t4g.medium.single-az","description":"RDS for PostgreSQL db.t4g.medium, Single-AZ, on demand","unit":"hour","usd":0.069,"filters":{"instanceType":"db.t4g.medium","deploymentOption":"Single-AZ"}},
                        {"id":"rds.instance.db.t4g.large.single-az","description":"RDS for PostgreSQL db.t4g.large, Single-AZ, on demand","unit":"hour","usd":0.138,"filters":{"instanceType":"db.t4g.large","deploymentOption":"Single-AZ"}}
                    ]
                }
            }
        },
        {
            "product": "rds-storage",
            "title": "RDS for PostgreSQL storage",
            "priceList": {"serviceCode":"AmazonRDS","filters":{"productFamily":"Database Storage","databaseEngine":"PostgreSQL"}},
            "regions": {
                "us-east-1": {
                    "date": "2026-12-01",
                    "source": "https://aws.amazon.com/rds/postgresql/pricing/",
                    "rows": [
                        {"id":"rds.storage.gp3.single-az","description":"RDS gp3 storage, Single-AZ","unit":"GB-month","usd":0.115,"filters":{"volumeType":"General Purpose-GP3","deploymentOption":"Single-AZ"}},
                        {"id":"rds.storage.gp3.multi-az","description":"RDS gp3 storage, Multi-AZ (billed for both copies)","unit":"GB-month","usd":0.23,"filters":{"volumeType":"General Purpose-GP3","deploymentOption":"Multi-AZ"}},
                        {"id":"rds.storage.gp2.single-az","description":"RDS gp2 storage, Single-AZ","unit":"GB-month","usd":0.115,"filters":{"volumeType":"General Purpose","deploymentOption":"Single-AZ"}},
                        {"id":"rds.storage.gp2.multi-az","description":"RDS gp2 storage, Multi-AZ (billed for both copies)","unit":"GB-month","usd":0.23,"filters":{"volumeType":"General Purpose","deploymentOption":"Multi-AZ"}}
                    ]
                },
                "eu-west-1": {
                    "date": "2026-03-23",
                    "source": "criyoo/corpershub-infrastructure docs/Cloud_Deployment_Cost_Estimate.md at 5b0a897 (\"Unit Prices Used\", eu-west-1, reviewed 2026-03-23 from the AWS Price List offer files https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/{AmazonRDS,AmazonElastiCache,AmazonS3}/current/eu-west-1/index.json)",
                    "rows": [
                        {"id":"rds.storage.gp3.single-az","description":"RDS gp3 storage, Single-AZ","unit":"GB-month","usd":0.127,"filters":{"volumeType":"General Purpose-GP3","deploymentOption":"Single-AZ"}}
                    ]
                }
            }
        },
        {
            "product": "rds-backups",
            "title": "RDS backup storage beyond the free allowance",
            "priceList": {"serviceCode":"AmazonRDS","filters":{"productFamily":"Storage Snapshot","usagetype":"{usage}-RDS:ChargedBackupUsage"}},
            "regions": {
                "us-east-1": {
                    "date": "2026-12-01",
                    "source": "https://aws.amazon.com/rds/postgresql/pricing/",
                    "rows": [
                        {"id":"rds.backup-storage","description":"RDS backup storage beyond the free allowance (100% of the provisioned storage)","unit":"GB-month","usd":0.095}
                    ]
                }
            }
        },
        {
            "product": "elasticache-nodes",
            "title": "ElastiCache node hours, on demand",
            "priceList": {"serviceCode":"AmazonElastiCache","filters":{"productFamily":"Cache Instance"}},
            "regions": {
                "us-east-1": {
                    "date": "2026-12-01",
                    "source": "https://aws.amazon.com/elasticache/pricing/",
                    "rows": [
                        {"id":"elasticache.node.cache.t4g.micro.redis","description":"ElastiCache for Redis OSS cache.t4g.micro node, on demand","unit":"hour","usd":0.016,"filters":{"instanceType":"cache.t4g.micro","cacheEngine":"Redis"}},
                        {"id":"elasticache.node.cache.t4g.micro.valkey","description":"ElastiCache for Valkey cache.t4g.micro node, on demand","unit":"hour","usd":0.0128,"filters":{"instanceType":"cache.t4g.micro","cacheEngine":"Valkey"}},
                        {"id":"elasticache.node.cache.t4g.small.redis","description":"ElastiCache for Redis OSS cache.t4g.small node, on demand","unit":"hour","usd":0.032,"filters":{"instanceType":"cache.t4g.small","cacheEngine":"Redis"}},
                        {"id":"elasticache.node.cache.t4g.small.valkey","description":"ElastiCache for Valkey cache.t4g.small node, on demand","unit":"hour","usd":0.0256,"filters":{"instanceType":"cache.t4g.small","cacheEngine":"Valkey"}},
                        {"id":"elasticache.node.cache.t4g.medium.redis","description":"ElastiCache for Redis OSS cache.t4g.medium node, on demand","unit":"hour","usd":0.065,"filters":{"instanceType":"cache.t4g.medium","cacheEngine":"Redis"}},
                        {"id":"elasticache.node.cache.t4g.medium.valkey","description":"ElastiCache for Valkey cache.t4g.medium node, on demand","unit":"hour","usd":0.052,"filters":{"instanceType":"cache.t4g.medium","cacheEngine":"Valkey"}},
                        {"id":"elasticache.node.cache.t3.micro.redis","description":"ElastiCache for Redis OSS cache.t3.micro node, on demand","unit":"hour","usd":0.017,"filters":{"instanceType":"cache.t3.micro","cacheEngine":"Redis"}},
                        {"id":"elasticache.node.cache.t3.micro.valkey","description":"ElastiCache for Valkey cache.t3.micro node, on demand","unit":"hour","usd":0.0136,"filters":{"instanceType":"cache.t3.micro","cacheEngine":"Valkey"}},
                        {"id":"elasticache.node.cache.t3.small.redis","description":"ElastiCache for Redis OSS cache.t3.small node, on demand","unit":"hour","usd":0.034,"filters":{"instanceType":"cache.t3.small","cacheEngine":"Redis"}},
                        {"id":"elasticache.node.cache.t3.small.valkey","description":"ElastiCache for Valkey cache.t3.small node, on demand","unit":"hour","usd":0.0272,"filters":{"instanceType":"cache.t3.small","cacheEngine":"Valkey"}},
                        {"id":"elasticache.node.cache.t3.medium.redis","description":"ElastiCache for Redis OSS cache.t3.medium node, on demand","unit":"hour","usd":0.068,"filters":{"instanceType":"cache.t3.medium","cacheEngine":"Redis"}},
                        {"id":"elasticache.node.cache.t3.medium.valkey","description":"ElastiCache for Valkey cache.t3.medium node, on demand","unit":"hour","usd":0.0544,"filters":{"instanceType":"cache.t3.medium","cacheEngine":"Valkey"}}
                    ]
                },
                "eu-west-1": {
                    "date": "2026-03-23",
                    "source": "criyoo/corpershub-infrastructure docs/Cloud_Deployment_Cost_Estimate.md at 5b0a897 (\"Unit Prices Used\", eu-west-1, reviewed 2026-03-23 from the AWS Price List offer files https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/{AmazonRDS,AmazonElastiCache,AmazonS3}/current/eu-west-1/index.json)",
                    "rows": [
                        {"id":"elasticache.node.cache.t4g.micro.valkey","description":"ElastiCache for Valkey cache.t4g.micro node, on demand","unit":"hour","usd":0.0136,"filters":{"instanceType":"cache.t4g.micro","cacheEngine":"Valkey"}},
                        {"id":"elasticache.node.cache.t4g.small.valkey","description":"ElastiCache for Valkey cache.t4g.small node, on demand","unit":"hour","usd":0.0272,"filters":{"instanceType":"cache.t4g.small","cacheEngine":"Valkey"}},
                        {"id":"elasticache.node.cache.t4g.medium.valkey","description":"ElastiCache for Valkey cache.t4g.medium node, on demand","unit":"hour","usd":0.0544,"filters":{"instanceType":"cache.t4g.medium","cacheEngine":"Valkey"}}
                    ]
                }
            }
        },
        {
            "product": "vpc-public-ipv4",
            "title": "Public IPv4 addresses",
            "priceList": {"serviceCode":"AmazonVPC","filters":{"productFamily":"VPC Public IPv4 Address","usagetype":"{usage}-PublicIPv4:InUseAddress"}},
            "regions": {
                "us-east-1": {
                    "date": "2026-12-01",
                    "source": "https://aws.amazon.com/vpc/pricing/",
                    "rows": [
                        {"id":"vpc.public-ipv4","description":"Public IPv4 address (in use or idle, Elastic IP or auto-assigned)","unit":"hour","usd":0.005}
                    ]
                }
            }
        },
        {
            "product": "vpc-nat-gateway",
            "title": "NAT gateway hours",
            "priceList": {"serviceCode":"AmazonEC2","filters":{"productFamily":"NAT Gateway","usagetype":"{usage}-NatGateway-Hours"}},
            "regions": {
                "us-east-1": {
                    "date": "2026-12-01",
                    "source": "https://aws.amazon.com/vpc/pricing/",
                    "rows": [
                        {"id":"vpc.nat-gateway","description":"NAT gateway hour","unit":"hour","usd":0.045}
                    ]
                }
            }
        },
        {
            "product": "privatelink-interface-endpoints",
            "title": "PrivateLink interface endpoint hours",
            "priceList": {"serviceCode":"AmazonVPC","filters":{"productFamily":"VpcEndpoint","usagetype":"{usage}-VpcEndpoint-Hours"}},
            "regions": {
                "us-east-1": {
                    "date": "2026-12-06",
                    "source": "https://aws.amazon.com/privatelink/pricing/",
                    "rows": [
                        {"id":"vpc.interface-endpoint","description":"Interface VPC endpoint (PrivateLink), per endpoint per Availability Zone hour","unit":"hour","usd":0.01}
                    ]
                }
            }
        },
        {
            "product": "kms",
            "title": "KMS customer managed keys",
            "priceList": {"serviceCode":"awskms","filters":{"usagetype":"{usage}-KMS-Keys"}},
            "regions": {
                "us-east-1": {
                    "date": "2026-12-01",
                    "source": "https://aws.amazon.com/kms/pricing/",
                    "rows": [
                        {"id":"kms.key","description":"KMS customer managed key (each automatic rotation adds $1/month for the first two rotations)","unit":"month","usd":1}
                    ]
                }
            }
        },
        {
            "product": "secrets-manager",
            "title": "Secrets Manager secrets",
            "priceList": {"serviceCode":"AWSSecretsManager","filters":{"usagetype":"{usage}-AWSSecretsManager-Secrets"}},
            "regions": {
                "us-east-1": {
                    "date": "2026-12-01",
                    "source": "https://aws.amazon.com/secrets-manager/pricing/",
                    "rows": [
                        {"id":"secretsmanager.secret","description":"Secrets Manager secret","unit":"month","usd":0.4}
                    ]
                }
            }
        },
        {
            "product": "cloudwatch-alarms",
            "title": "CloudWatch alarms",
            "priceList": {"serviceCode":"AmazonCloudWatch","filters":{}},
            "regions": {
                "us-east-1": {
                    "date": "2026-12-01",
                    "source": "https://aws.amazon.com/cloudwatch/pricing/",
                    "rows": [
                        {"id":"cloudwatch.alarm.standard","description":"CloudWatch alarm, standard resolution (per metric)","unit":"month","usd":0.1,"filters":{"usagetype":"{usage}-CW:AlarmMonitorUsage"}},
                        {"id":"cloudwatch.alarm.high-resolution","description":"CloudWatch alarm, high resolution (period under 60 s, per metric)","unit":"month","usd":0.3,"filters":{"usagetype":"{usage}-CW:HighResAlarmMonitorUsage"}}
                    ]
                },
                "eu-west-1": {
                    "date": "2026-10-02",
                    "source": "mamtha4u/SDLC backend/config/pricing_eu-west-1.json at 45b7bae (fetched 2026-10-02 from the AWS Price List offer file https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonCloudWatch/current/eu-west-1/index.json, published 2026-09-22)",
                    "rows": [
                        {"id":"cloudwatch.alarm.standard","description":"CloudWatch alarm, standard resolution (per metric)","unit":"month","usd":0.1,"filters":{"usagetype":"{usage}-CW:AlarmMonitorUsage"}}
                    ]
                }
            }
        },
        {
            "product": "cloudwatch-logs",
            "title": "CloudWatch Logs ingestion and storage",
            "priceList": {"serviceCode":"AmazonCloudWatch","filters":{}},
            "regions": {
                "us-east-1": {
                    "date": "2026-12-01",
                    "source": "https://aws.amazon.com/cloudwatch/pricing/",
                    "rows": [
                        {"id":"cloudwatch.logs.ingestion","description":"CloudWatch Logs ingestion (standard log class)","unit":"GB","usd":0.5,"filters":{"usagetype":"{usage}-DataProcessing-Bytes"}},
                        {"id":"cloudwatch.logs.storage","description":"CloudWatch Logs storage (archived)","unit":"GB-month","usd":0.03,"filters":{"usagetype":"{usage}-TimedStorage-ByteHrs"}}
                    ]
                },
                "eu-west-1": {
                    "date": "2026-10-02",
                    "source": "mamtha4u/SDLC backend/config/pricing_eu-west-1.json at 45b7bae (fetched 2026-10-02 from the AWS Price List offer file https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonCloudWatch/current/eu-west-1/index.json, published 2026-09-22)",
                    "rows": [
                        {"id":"cloudwatch.logs.ingestion","description":"CloudWatch Logs ingestion (standard log class)","unit":"GB","usd":0.57,"filters":{"usagetype":"{usage}-DataProcessing-Bytes"}},
                        {"id":"cloudwatch.logs.storage","description":"CloudWatch Logs storage (archived)","unit":"GB-month","usd":0.03,"filters":{"usagetype":"{usage}-TimedStorage-ByteHrs"}}
                    ]
                }
            }
        },
        {
            "product": "s3-standard",
            "title": "S3 Standard storage and requests",
            "priceList": {"serviceCode":"AmazonS3","filters":{}},
            "regions": {
                "us-east-1": {
                    "date": "2026-12-01",
                    "source": "https://aws.amazon.com/s3/pricing/",
                    "rows": [
                        {"id":"s3.standard.storage","description":"S3 Standard storage, first 50 TB","unit":"GB-month","usd":0.023,"filters":{"productFamily":"Storage","volumeType":"Standard"}},
                        {"id":"s3.standard.write-requests","description":"S3 Standard PUT, COPY, POST and LIST requests","unit":"1K requests","usd":0.005,"filters":{"productFamily":"API Request","group":"S3-API-Tier1"}},
                        {"id":"s3.standard.read-requests","description":"S3 Standard GET and other requests","unit":"1K requests","usd":0.0004,"filters":{"productFamily":"API Request","group":"S3-API-Tier2"}}
                    ]
                },
                "eu-west-1": {
                    "date": "2026-03-23",
                    "source": "criyoo/corpershub-infrastructure docs/Cloud_Deployment_Cost_Estimate.md at 5b0a897 (\"Unit Prices Used\", eu-west-1, reviewed 2026-03-23 from the AWS Price List offer files https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/{AmazonRDS,AmazonElastiCache,AmazonS3}/current/eu-west-1/index.json)",
                    "rows": [
                        {"id":"s3.standard.storage","description":"S3 Standard storage, first 50 TB","unit":"GB-month","usd":0.023,"filters":{"productFamily":"Storage","volumeType":"Standard"}},
                        {"id":"s3.standard.write-requests","description":"S3 Standard PUT, COPY, POST and LIST requests","unit":"1K requests","usd":0.005,"filters":{"productFamily":"API Request","group":"S3-API-Tier1"}},
                        {"id":"s3.standard.read-requests","description":"S3 Standard GET and other requests","unit":"1K requests","usd":0.0004,"filters":{"productFamily":"API Request","group":"S3-API-Tier2"}}
                    ]
                }
            }
        },
        {
            "product": "route53-health-checks",
            "title": "Route 53 health checks",
            "priceList": {"serviceCode":"AmazonRoute53","filters":{}},
            "regions": {
                "global": {
                    "date": "2026-12-01",
                    "source": "https://aws.amazon.com/route53/pricing/",
                    "rows": [
                        {"id":"route53.health-check.aws","description":"Route 53 health check of an AWS endpoint","unit":"month","usd":0.5,"filters":{"usagetype":"Health-Check-AWS"}},
                        {"id":"route53.health-check.non-aws","description":"Route 53 health check of a non-AWS endpoint","unit":"month","usd":0.75,"filters":{"usagetype":"Health-Check-Non-AWS"}},
                        {"id":"route53.health-check.option.aws","description":"Route 53 health check optional feature (HTTPS, string matching, fast interval or latency measurement), AWS endpoint","unit":"month","usd":1,"filters":{"usagetype":"Health-Check-Option-AWS"}},
                        {"id":"route53.health-check.option.non-aws","description":"Route 53 health check optional feature (HTTPS, string matching, fast interval or latency measurement), non-AWS endpoint","unit":"month","usd":2,"filters":{"usagetype":"Health-Check-Option-Non-AWS"}}
                    ]
                }
            }
        },
        {
            "product": "upstash-redis",
            "title": "Upstash Redis, pay as you go",
            "regions": {
                "global": {
                    "date": "2026-12-01",
                    "source": "https://upstash.com/docs/redis/overall/billing",
                    "rows": [
                        {"id":"upstash.redis.commands","description":"Upstash Redis pay-as-you-go commands","unit":"100K commands","usd":0.2},
                        {"id":"upstash.redis.storage","description":"Upstash Redis pay-as-you-go storage beyond the first GB","unit":"GB-month","usd":0.25}
                    ]
                }
            }
        },
        {
            "product": "vercel-plans",
            "title": "Vercel plans, per seat",
            "regions": {
                "global": {
                    "date": "2026-12-01",
                    "source": "https://vercel.com/pricing",
                    "rows": [
                        {"id":"vercel.plan.pro","description":"Vercel Pro, per deploying team seat","unit":"month","usd":20},
                        {"id":"vercel.plan.hobby","description":"Vercel Hobby (non-commercial use only)","unit":"month","usd":0}
                    ]
                }
            }
        },
        {
            "product": "vercel-blob",
            "title": "Vercel Blob beyond a Pro team's allowance",
            "regions": {
                "global": {
                    "date": "2026-12-01",
                    "source": "https://vercel.com/docs/vercel-blob/usage-and-pricing",
                    "rows": [
                        {"id":"vercel.blob.storage","description":"Vercel Blob storage beyond the 5 GB a Pro team includes","unit":"GB-month","usd":0.023},
                        {"id":"vercel.blob.simple-operations","description":"Vercel Blob simple operations (cache-miss reads, head) beyond the 100,000 a Pro team includes","unit":"1M requests","usd":0.4},
                        {"id":"vercel.blob.advanced-operations","description":"Vercel Blob advanced operations (put, copy, list) beyond the 10,000 a Pro team includes","unit":"1M requests","usd":5}
                    ]
                }
            }
        }
    ]
};
