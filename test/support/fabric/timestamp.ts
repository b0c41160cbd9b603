/** The part of google-protobuf's `Timestamp` message the network sets. */
export interface TimestampMessage {
  setSeconds(seconds: number): void;
  setNanos(nanos: number): void;
}

// google-protobuf ships no type declarations; fabric-protos' messages take its Timestamp
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Timestamp } = require('google-protobuf/google/protobuf/timestamp_pb') as { Timestamp: new () => TimestampMessage };

/** A protobuf `Timestamp` of a date (millisecond precision, as the network's clock has). */
export function timestampOf(date: Date): TimestampMessage {
  const millis = date.getTime();
  const timestamp = new Timestamp();
  timestamp.setSeconds(Math.floor(millis / 1000));
  timestamp.setNanos((((millis % 1000) + 1000) % 1000) * 1_000_000);
  return timestamp;
}
