import { describe, expect, it } from 'vitest';
import { classifyDataset } from '../mapping/classify-dataset.ts';
import { fileFit, missingRequirements } from './file-fit.ts';
import { ROLE_REGISTRY } from '../roles/index.ts';
import { TEMPLATES, fieldNotes, notesTable, templateTable, type TemplateLang } from './templates.ts';

/** Columns as the loader hands them to the mapping: numbers typed DOUBLE, the rest text. */
function columnsOf(header: string[], rows: (string | number)[][]) {
  return header.map((name, i) => {
    const values = rows.map((r) => r[i]).filter((v) => v !== '' && v !== undefined);
    return {
      name,
      type: values.every((v) => typeof v === 'number') ? 'DOUBLE' : 'VARCHAR',
      samples: values.map(String),
    };
  });
}

describe('input templates', () => {
  for (const t of TEMPLATES)
    for (const lang of ['zh', 'en'] as TemplateLang[])
      it(`${t.role} (${lang}): recognised as its role with every column mapped`, () => {
        const { header, rows } = templateTable(t, lang);
        const [best] = classifyDataset(columnsOf(header, rows));
        expect(best?.role).toBe(t.role);
        expect(best?.complete).toBe(true);
        const expected = Object.fromEntries(t.fields.map((f) => [f.field, f.header[lang]]));
        expect(best?.mapping).toEqual(expected);
        expect(missingRequirements(t.role, best!.mapping)).toEqual([]);
      });

  it('covers every required field of its role and names only declared fields', () => {
    for (const t of TEMPLATES) {
      const role = ROLE_REGISTRY.find((r) => r.id === t.role)!;
      const names = role.fields.map((f) => f.name as string);
      for (const f of t.fields) expect(names, `${t.role}.${f.field}`).toContain(f.field);
      for (const q of role.required) {
        const any = typeof q === 'string' ? [q] : q;
        expect(
          any.some((f) => t.fields.some((x) => x.field === f)),
          `${t.role} needs ${any.join('|')}`,
        ).toBe(true);
      }
    }
  });

  it('notes say which columns are required, in both languages', () => {
    const orders = TEMPLATES.find((t) => t.role === 'orders')!;
    const zh = fieldNotes(orders, 'zh');
    expect(zh.find((n) => n.field === 'customer_id')?.requiredText).toBe('必填');
    expect(zh.find((n) => n.field === 'amount')?.required).toBe('one_of');
    expect(zh.find((n) => n.field === 'store')?.requiredText).toBe('选填');
    expect(fieldNotes(orders, 'en').find((n) => n.field === 'customer_id')?.requiredText).toBe('Required');
    const customers = TEMPLATES.find((t) => t.role === 'customers')!;
    const phone = notesTable(customers, 'zh').find((r) => r[0] === '联系方式');
    expect(phone?.[3]).toMatch(/打码/);
  });
});

describe('a filled template missing required columns', () => {
  const drop = (role: string, lang: TemplateLang, without: string[]) => {
    const t = TEMPLATES.find((x) => x.role === role)!;
    const { header, rows } = templateTable(t, lang);
    const keep = header.map((_, i) => !without.includes(t.fields[i]!.field));
    return fileFit(
      classifyDataset(
        columnsOf(
          header.filter((_, i) => keep[i]),
          rows.map((r) => r.filter((_, i) => keep[i])),
        ),
      ),
    );
  };

  it('names the role it looks like and what it lacks', () => {
    expect(drop('customers', 'zh', ['customer_id'])).toEqual({
      role: 'customers',
      missing: [['customer_id']],
    });
    expect(drop('orders', 'en', ['amount'])).toEqual({ role: 'orders', missing: [['amount', 'unit_price']] });
    expect(drop('leads', 'zh', ['lead_id'])).toEqual({ role: 'leads', missing: [['lead_id']] });
    expect(drop('events', 'en', ['event'])).toEqual({ role: 'events', missing: [['event']] });
  });

  it('an untouched template lacks nothing; a file like no role is not named', () => {
    expect(drop('touches', 'zh', [])).toEqual({ role: 'touches', missing: [] });
    expect(fileFit(classifyDataset(columnsOf(['备注', '序号'], [['你好', 'x']])))).toBeNull();
  });
});
