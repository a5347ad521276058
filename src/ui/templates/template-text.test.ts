import { describe, expect, it } from 'vitest';
import { translate, type Locale, type MessageKey } from '../../i18n/i18n.ts';
import { missingSentence, roleName } from './template-text.ts';

const tOf = (locale: Locale) => (key: MessageKey, params?: Record<string, string | number>) =>
  translate(locale, key, params);

describe('the missing-columns sentence', () => {
  it('names the role and each missing requirement, alternatives joined, in zh-CN and en', () => {
    const fit = { role: 'orders' as const, missing: [['customer_id'], ['amount', 'unit_price']] };
    expect(missingSentence(tOf('zh-CN'), 'zh-CN', '订单.csv', fit)).toBe(
      '“订单.csv”看起来是订单明细文件，但缺少必填列：客户ID、实付金额 / 单价。请在文件中补上这些列（可对照模板），或在“映射与清洗”中手动指定。',
    );
    expect(missingSentence(tOf('en'), 'en', 'orders.csv', fit)).toBe(
      '"orders.csv" matches Orders best but lacks the required column(s): Customer id, Amount paid / Unit price. Add them to the file (see the template) or pick them on Mapping & cleaning.',
    );
  });

  it('a role without a template uses its data-role label', () => {
    expect(roleName(tOf('zh-CN'), 'zh-CN', 'baskets')).toBe('购物篮');
    expect(roleName(tOf('en'), 'en', 'leads')).toBe('Leads');
  });
});
