// Records keyed by user text: items, M values, keys, and answers keyed by table name.
//
// DynamoDB takes any string as an attribute name, `__proto__`, `constructor` and `toString`
// included. A `{}` record inherits Object.prototype, so reading `constructor` from it finds a
// function and writing `__proto__` replaces its prototype instead of adding a member. These
// records inherit from a frozen object without members instead: every name reads and writes as
// an ordinary own member. (A null prototype would do the same, but V8 keeps such objects in
// dictionary mode, several times slower to enumerate than objects with a shared prototype.)

const NO_MEMBERS: object = Object.freeze(Object.create(null) as object);

/** An empty record in which every string is an ordinary member name. */
export function attributeMap<T>(): Record<string, T> {
  return Object.create(NO_MEMBERS) as Record<string, T>;
}

/** A record from its entries, safe for any name; later entries replace earlier ones. */
export function attributeMapOf<T>(entries: Iterable<readonly [string, T]>): Record<string, T> {
  const map = attributeMap<T>();
  for (const [name, value] of entries) map[name] = value;
  return map;
}

/** Whether `value` is a record made by attributeMap. */
export function isAttributeMap(value: object): boolean {
  return Object.getPrototypeOf(value) === NO_MEMBERS;
}

/** `record[name]` for any record, whatever its prototype: only own members count. */
export function member<T>(record: Readonly<Record<string, T>>, name: string): T | undefined {
  return Object.hasOwn(record, name) ? record[name] : undefined;
}
