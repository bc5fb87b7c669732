// Every provider package the template uses, each as an explicit provider with no arguments: the registration
// carries the inputs the package itself marks secret (its additionalSecretOutputs).
import { Provider as AwsProvider } from "@pulumi/aws/provider";
import * as postgresql from "@pulumi/postgresql";
import * as random from "@pulumi/random";
import * as upstash from "@upstash/pulumi";
import * as vercel from "@pulumiverse/vercel";

new AwsProvider("aws", {});
new postgresql.Provider("postgresql", {});
new random.Provider("random", {});
new upstash.Provider("upstash", {});
new vercel.Provider("vercel", {});
