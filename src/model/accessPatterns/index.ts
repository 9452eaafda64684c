// Access patterns: building their requests, checking them against the design, charting them.
export { AccessPatternError, buildRequest, requestTemplate, targetIndexName } from './buildRequest';
export type { BuiltRequest, ParameterValues } from './buildRequest';
export { checkPattern, overallLevel } from './checkPattern';
export type { Verdict, VerdictCode, VerdictLevel } from './checkPattern';
export { chartMarkdown, chartRows, spellOut } from './chart';
export type { ChartRow } from './chart';
export { FILTER_COMPARATORS, formForEntity, formToRequest, requestToForm } from './form';
export type { FilterComparator, FilterCondition, FormOperation, PatternForm } from './form';
export { attributesIn, parseKeyCondition } from './expressions';
export { parameterMismatches, requestPlaceholders, syncParameters, TABLE_PLACEHOLDER } from './placeholders';
export { exampleParameters } from './samples';
export { resolveTarget } from './target';
export type { PatternTarget } from './target';
export { requestSchema } from './requestSchema';
export { starterRequest } from './starter';
export { createTemplate, itemTemplate, optionalParameters, parameterType, updateTemplate } from './entityWrites';
export { documentValue, parameterText } from './parameterValues';
export { patternWrites, WRITE_OPERATIONS } from './patternWrites';
