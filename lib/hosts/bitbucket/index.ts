export { createBitbucketAdapter, type CreateBitbucketAdapterOptions } from "./create-bitbucket-adapter";
