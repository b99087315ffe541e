export { createS3Adapter, maxListEntries, maxObjectBytes } from "./create-s3-adapter";
export { validateBucketName, validateEndpoint, validateRegion, validateS3Credentials, validateS3Location, type S3LocationInput } from "./validate-s3-location";
