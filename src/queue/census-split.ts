// placeholder, filled in below
export interface ReplicateOptions {
  readonly size: number;
}
