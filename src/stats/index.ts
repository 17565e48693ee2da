export {};
export {
  welchTTest,
  studentTTwoSidedP,
  studentTCdf,
  regularizedIncompleteBeta,
  logGamma,
  type WelchTTest,
} from "./welch-t-test.js";
export { gaussianKde, kdeOnGrid, bandwidthFactor, type Kde, type KdeOptions, type BandwidthRule } from "./kde.js";
export { fitNormal, normalPdf, type NormalFit } from "./normal-fit.js";
