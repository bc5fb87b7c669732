// A program that calls a provider function the offline engine has no mock for.
import * as aws from "../../components/aws";

export const zones = aws.ec2.getAmiOutput({ mostRecent: true, owners: ["amazon"] }).id;
