// Conventions of the OneTable library that both its export and its import must agree on.

/** OneTable's own default name for the attribute holding the model name. */
export const ONETABLE_DEFAULT_TYPE_FIELD = '_type';
