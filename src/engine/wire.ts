// The JSON 1.0 wire shapes of the actions. The SDK's own types model B as Uint8Array and
// timestamps as Date; on the wire B is base64 text and timestamps are epoch seconds, so the
// engine speaks `Wire<SdkType>`.
import type { AttributeValue as SdkAttributeValue } from '@aws-sdk/client-dynamodb';
import type { AttributeValue } from './AttributeValue';

export type Wire<T> = T extends SdkAttributeValue
  ? AttributeValue
  : T extends Date
    ? number
    : T extends Uint8Array
      ? string
      : T extends string | number | boolean | bigint | undefined | null
        ? T
        : T extends readonly (infer U)[]
          ? Wire<U>[]
          : { [K in keyof T]: Wire<T[K]> };
