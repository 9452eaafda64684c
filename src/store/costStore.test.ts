import { describe, expect, it } from 'vitest';
import { DEFAULT_PRICES } from '../model/cost';
import { socialMediaModel } from '../model/examples/socialMedia';
import { costInputs, countKey, fieldTexts, priceKey, rateKey, UTILIZATION_KEY, type CostFields } from './costStore';

const model = socialMediaModel();
const empty: CostFields = { rates: {}, itemCounts: {}, prices: {} };

describe('costInputs', () => {
  it('uses the defaults for fields never typed in', () => {
    const { inputs, errors } = costInputs(empty, model);
    expect(errors).toEqual({});
    expect(inputs).toEqual({ rates: {}, itemCounts: {}, targetUtilization: 0.7, prices: DEFAULT_PRICES });
    const texts = fieldTexts(empty, model);
    expect(texts.rate('ap-getUserProfile')).toBe('0');
    expect(texts.itemCount('ent-userProfile')).toBe(String(model.entities.find((e) => e.id === 'ent-userProfile')?.sampleCount));
  });

  it('reads typed fields, percent as a share', () => {
    const fields: CostFields = { rates: { 'ap-getUserProfile': '12.5' }, itemCounts: { 'ent-userProfile': '1,000' }, utilization: '50', prices: { storageGbMonth: '0.1' } };
    const { inputs, errors } = costInputs(fields, model);
    expect(errors).toEqual({});
    expect(inputs.rates).toEqual({ 'ap-getUserProfile': 12.5 });
    expect(inputs.itemCounts).toEqual({ 'ent-userProfile': 1000 });
    expect(inputs.targetUtilization).toBe(0.5);
    expect(inputs.prices.storageGbMonth).toBe(0.1);
  });

  it('names each refused field and leaves its value out of the estimate', () => {
    const fields: CostFields = {
      rates: { 'ap-getUserProfile': '-1' },
      itemCounts: { 'ent-userProfile': '' },
      utilization: '150',
      prices: { readCapacityUnitHour: 'free' },
    };
    const { inputs, errors } = costInputs(fields, model);
    expect(errors).toEqual({
      [rateKey('ap-getUserProfile')]: 'Requests per second cannot be negative',
      [countKey('ent-userProfile')]: 'Expected items is required',
      [UTILIZATION_KEY]: 'Target utilisation cannot be more than 100',
      [priceKey('readCapacityUnitHour')]: 'Price must be a number',
    });
    expect(inputs).toEqual({ rates: {}, itemCounts: {}, targetUtilization: 0.7, prices: DEFAULT_PRICES });
  });
});
