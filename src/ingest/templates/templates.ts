/**
 * Input templates (issue 17): one per dataset role the app analyses, with zh and en headers the
 * role's synonyms recognise (src/ingest/roles/), a few realistic example rows and a note per field
 * (format, required or not, masking advice). A dropped, untouched template maps every field
 * (templates.test.ts runs each through classifyDataset and proposeMapping). Pure data and helpers:
 * the files are written by src/export/template-file.ts, the UI lists them in TemplatesPanel.
 *
 * The seed's 客户基础信息表 keeps 首次购买时间 and 累计消费金额 out on purpose: the app computes both
 * from the orders (one truth); 营销活动效果评估表 is what the Campaigns section computes from the
 * touches template and the orders; 客户行为分析表 is the events template (the behaviour section reads
 * the orders). 所属行业 has no role field yet.
 */
import { roleDeclaration } from '../roles/index.ts';

export type TemplateLang = 'zh' | 'en';
export type Bilingual = { readonly zh: string; readonly en: string };
export type TemplateCell = string | number;

export interface TemplateField {
  /** The role field (src/ingest/roles/<role>.ts) the column maps to. */
  readonly field: string;
  readonly header: Bilingual;
  /** Format of the values, e.g. "YYYY-MM-DD HH:mm". */
  readonly format: Bilingual;
  /** Masking advice, when the column can identify a person. */
  readonly pii?: Bilingual;
  /** Example values, one per example row ('' = left empty); the en rows too unless `valuesEn`. */
  readonly values: readonly TemplateCell[];
  /** English example values when they differ (categories, flags). */
  readonly valuesEn?: readonly TemplateCell[];
}

export interface InputTemplate {
  /** The dataset role (src/ingest/roles) a dropped template is recognised as. */
  readonly role: 'orders' | 'customers' | 'touches' | 'leads' | 'events' | 'experiment';
  readonly title: Bilingual;
  /** What the file is and which sections read it. */
  readonly about: Bilingual;
  readonly fields: readonly TemplateField[];
}

const b = (zh: string, en: string): Bilingual => ({ zh, en });

const ID_MASK = b(
  '可用会员号或脱敏编号代替手机号；同一客户在各文件中须一致',
  'Use a member number or a pseudonymous code rather than a phone; keep it the same across files',
);
const PHONE_MASK = b(
  '可只保留前 3 后 4 位（138****0001）；应用默认在屏幕与导出中打码',
  'You may keep only the first 3 and last 4 digits (138****0001); the app masks it on screen and in exports by default',
);
const NAME_MASK = b(
  '可只写姓（张**），分析不需要全名',
  'A surname or initials are enough (Z. Wei); no analysis needs the full name',
);
const EMAIL_MASK = b(
  '可写成 w***@example.com；应用默认打码',
  'May be written as w***@example.com; the app masks it by default',
);
const DATETIME = b(
  '日期时间，YYYY-MM-DD HH:mm:ss（也接受 YYYY/M/D）',
  'Date and time, YYYY-MM-DD HH:mm:ss (YYYY/M/D also read)',
);
const DATE = b('日期，YYYY-MM-DD', 'Date, YYYY-MM-DD');
const MONEY = b(
  '金额，数字，不带货币符号和千分位（如 199.00）',
  'Amount, a number without currency sign or thousands separator (e.g. 199.00)',
);
const FLAG = b('是 / 否（或 1 / 0）', 'yes / no (or 1 / 0)');
const TEXT = b('文本', 'Text');
const ID = b(
  '文本编号（以文本保存，避免 Excel 去掉前导 0）',
  'Text id (keep it as text so Excel keeps leading zeros)',
);

export const TEMPLATES: readonly InputTemplate[] = [
  {
    role: 'orders',
    title: b('订单明细', 'Orders'),
    about: b(
      '每行一笔订单（或一个订单商品行）。RFM、客户行为、营收、生命周期、CLV、预测、迁移、聚类与购物篮都读它。',
      'One row per order (or order line). RFM, behaviour, revenue, lifecycle, CLV, forecast, migration, clusters and baskets read it.',
    ),
    fields: [
      {
        field: 'order_id',
        header: b('订单编号', 'Order ID'),
        format: ID,
        values: ['SO20240301001', 'SO20240301002', 'SO20240305017', 'SO20240412003'],
      },
      {
        field: 'customer_id',
        header: b('客户ID', 'Customer ID'),
        format: ID,
        pii: ID_MASK,
        values: ['C0001', 'C0002', 'C0001', 'C0003'],
      },
      {
        field: 'order_time',
        header: b('下单时间', 'Order Date'),
        format: DATETIME,
        values: ['2024-03-01 10:15:00', '2024-03-01 20:41:09', '2024-03-05 09:02:33', '2024-04-12 14:30:00'],
      },
      {
        field: 'amount',
        header: b('实付金额', 'Order Total'),
        format: MONEY,
        values: [199, 358.5, 89.9, 1260],
      },
      { field: 'refund', header: b('退款金额', 'Refunded Amount'), format: MONEY, values: [0, 0, 89.9, 0] },
      {
        field: 'quantity',
        header: b('购买数量', 'Quantity'),
        format: b('整数', 'Whole number'),
        values: [1, 2, 1, 3],
      },
      {
        field: 'product',
        header: b('商品名称', 'Product Name'),
        format: TEXT,
        values: ['防晒霜 SPF50', '保湿面霜', '遮阳伞', '护肤礼盒'],
        valuesEn: ['Sunscreen SPF50', 'Moisturiser', 'Sun umbrella', 'Skincare gift box'],
      },
      {
        field: 'category',
        header: b('商品类目', 'Product Category'),
        format: TEXT,
        values: ['护肤', '护肤', '户外', '礼盒'],
        valuesEn: ['Skincare', 'Skincare', 'Outdoor', 'Gift sets'],
      },
      {
        field: 'channel',
        header: b('订单来源', 'Channel'),
        format: TEXT,
        values: ['天猫', '小程序', '天猫', '抖音'],
        valuesEn: ['Web', 'App', 'Web', 'Marketplace'],
      },
      {
        field: 'payment_method',
        header: b('支付方式', 'Payment Method'),
        format: TEXT,
        values: ['支付宝', '微信支付', '支付宝', '微信支付'],
        valuesEn: ['Card', 'PayPal', 'Card', 'Card'],
      },
      {
        field: 'status',
        header: b('订单状态', 'Order Status'),
        format: b('文本，如 交易成功 / 交易关闭 / 已退款', 'Text, e.g. paid / cancelled / refunded'),
        values: ['交易成功', '交易成功', '已退款', '交易成功'],
        valuesEn: ['paid', 'paid', 'refunded', 'paid'],
      },
      {
        field: 'region',
        header: b('收货省份', 'Shipping Province'),
        format: b('省份或城市', 'Province, state or city'),
        values: ['浙江省', '广东省', '浙江省', '上海'],
        valuesEn: ['California', 'Texas', 'California', 'New York'],
      },
      {
        field: 'store',
        header: b('店铺名称', 'Store'),
        format: TEXT,
        values: ['旗舰店', '旗舰店', '旗舰店', '直播店'],
        valuesEn: ['Flagship', 'Flagship', 'Flagship', 'Outlet'],
      },
    ],
  },
  {
    role: 'customers',
    title: b('客户基础信息表', 'Customer profiles'),
    about: b(
      '每行一位客户（CRM、会员或企业微信导出）。给 RFM 明细补上姓名、等级、地区与标签；首次购买时间与累计消费金额由订单计算，无需填写。',
      'One row per customer (CRM, member or WeCom export). Adds name, tier, region and tags to the customer lists; first purchase and total spend are computed from the orders, no need to fill them.',
    ),
    fields: [
      {
        field: 'customer_id',
        header: b('客户ID', 'Customer ID'),
        format: ID,
        pii: ID_MASK,
        values: ['C0001', 'C0002', 'C0003'],
      },
      {
        field: 'name',
        header: b('姓名*', 'Name'),
        format: TEXT,
        pii: NAME_MASK,
        values: ['张**', '李**', '王**'],
        valuesEn: ['Wei Z.', 'Lin L.', 'Ann W.'],
      },
      {
        field: 'phone',
        header: b('联系方式', 'Phone'),
        format: b('手机号，11 位', 'Mobile number'),
        pii: PHONE_MASK,
        values: ['138****0001', '139****0002', '137****0003'],
      },
      {
        field: 'email',
        header: b('邮箱', 'Email'),
        format: b('电子邮箱', 'E-mail address'),
        pii: EMAIL_MASK,
        values: ['z***@example.com', 'l***@example.com', 'w***@example.com'],
      },
      {
        field: 'gender',
        header: b('性别', 'Gender'),
        format: b('男 / 女 / 未知', 'female / male / unknown'),
        values: ['女', '男', '女'],
        valuesEn: ['female', 'male', 'female'],
      },
      {
        field: 'region',
        header: b('省份', 'Province'),
        format: b('省份或城市', 'Province, state or city'),
        values: ['浙江省', '广东省', '上海'],
        valuesEn: ['California', 'Texas', 'New York'],
      },
      {
        field: 'registration_date',
        header: b('注册时间', 'Registration Date'),
        format: DATE,
        values: ['2023-06-18', '2023-11-11', '2024-01-05'],
      },
      {
        field: 'member_level',
        header: b('会员等级', 'Member Level'),
        format: TEXT,
        values: ['金卡', '普通', '钻石'],
        valuesEn: ['Gold', 'Basic', 'Diamond'],
      },
      {
        field: 'tags',
        header: b('客户标签', 'Tags'),
        format: b('文本，多个标签用顿号或逗号分隔', 'Text; several tags separated by commas'),
        values: ['敏感肌、复购', '新客', '高客单'],
        valuesEn: ['sensitive skin, repeat', 'new', 'high basket'],
      },
    ],
  },
  {
    role: 'touches',
    title: b('营销活动触达明细', 'Campaign touches'),
    about: b(
      '每行一次触达（短信、企业微信、邮件…），含对照组更好。活动效果评估（触达、转化、营收、成本、ROI、提升）由它与订单计算。',
      'One row per touch (SMS, WeCom, e-mail…), ideally with a control group. The campaign review (reach, conversion, revenue, cost, ROI, lift) is computed from it and the orders.',
    ),
    fields: [
      {
        field: 'customer_id',
        header: b('客户ID', 'Customer ID'),
        format: ID,
        pii: ID_MASK,
        values: ['C0001', 'C0002', 'C0003', 'C0004'],
      },
      {
        field: 'campaign_id',
        header: b('活动名称', 'Campaign'),
        format: TEXT,
        values: ['618 预热短信', '618 预热短信', '618 预热短信', '会员日企微'],
        valuesEn: ['June SMS', 'June SMS', 'June SMS', 'Member day WeCom'],
      },
      {
        field: 'group',
        header: b('分组', 'Group'),
        format: b('实验组 / 对照组（对照组不发送）', 'target / control (control is not sent)'),
        values: ['实验组', '实验组', '对照组', '实验组'],
        valuesEn: ['target', 'target', 'control', 'target'],
      },
      {
        field: 'sent_time',
        header: b('发送时间', 'Sent at'),
        format: DATETIME,
        values: ['2024-06-01 10:00:00', '2024-06-01 10:00:00', '2024-06-01 10:00:00', '2024-06-08 19:30:00'],
      },
      {
        field: 'channel',
        header: b('触达渠道', 'Channel'),
        format: b('短信 / 企业微信 / 邮件 / App 推送', 'SMS / WeCom / e-mail / push'),
        values: ['短信', '短信', '短信', '企业微信'],
        valuesEn: ['SMS', 'SMS', 'SMS', 'WeCom'],
      },
      {
        field: 'delivery_status',
        header: b('发送状态', 'Delivery Status'),
        format: b('成功 / 失败', 'delivered / failed'),
        values: ['成功', '失败', '', '成功'],
        valuesEn: ['delivered', 'failed', '', 'delivered'],
      },
      {
        field: 'opened',
        header: b('是否打开', 'Opened'),
        format: FLAG,
        values: ['是', '否', '否', '是'],
        valuesEn: ['yes', 'no', 'no', 'yes'],
      },
      {
        field: 'clicked',
        header: b('是否点击', 'Clicked'),
        format: FLAG,
        values: ['是', '否', '否', '否'],
        valuesEn: ['yes', 'no', 'no', 'no'],
      },
      {
        field: 'converted',
        header: b('是否转化', 'Converted'),
        format: FLAG,
        values: ['是', '否', '否', '否'],
        valuesEn: ['yes', 'no', 'no', 'no'],
      },
      { field: 'revenue', header: b('成交金额', 'Revenue'), format: MONEY, values: [299, 0, 0, 0] },
      {
        field: 'cost',
        header: b('花费', 'Cost'),
        format: b(
          '金额：这次触达的成本（如短信 0.05 元/条）',
          'Amount: the cost of this touch (e.g. 0.05 per SMS)',
        ),
        values: [0.05, 0.05, 0, 0.1],
      },
    ],
  },
  {
    role: 'leads',
    title: b('销售线索', 'Leads'),
    about: b(
      '每行一条线索（CRM 导出）。线索漏斗、来源与负责人的转化和跟进时长读它。',
      'One row per lead (CRM export). The leads funnel, conversion by source and owner, and follow-up times read it.',
    ),
    fields: [
      { field: 'lead_id', header: b('线索ID', 'Lead ID'), format: ID, values: ['L1001', 'L1002', 'L1003'] },
      {
        field: 'customer_id',
        header: b('客户ID', 'Customer ID'),
        format: ID,
        pii: ID_MASK,
        values: ['C0001', 'C0005', 'C0006'],
      },
      {
        field: 'created_time',
        header: b('创建时间', 'Create Date'),
        format: DATETIME,
        values: ['2024-05-06 09:12:00', '2024-05-07 15:40:00', '2024-05-09 11:05:00'],
      },
      {
        field: 'source',
        header: b('线索来源', 'Lead Source'),
        format: TEXT,
        values: ['官网表单', '展会', '广告投放'],
        valuesEn: ['Web form', 'Trade show', 'Paid ads'],
      },
      {
        field: 'stage',
        header: b('线索状态', 'Lead Status'),
        format: b('如 新建 / 跟进中 / 赢单 / 输单', 'e.g. new / working / won / lost'),
        values: ['赢单', '跟进中', '输单'],
        valuesEn: ['won', 'working', 'lost'],
      },
      {
        field: 'owner',
        header: b('负责人', 'Lead Owner'),
        format: TEXT,
        pii: b('员工姓名：可用工号代替', 'Staff name: a staff number works as well'),
        values: ['销售A', '销售B', '销售A'],
        valuesEn: ['Rep A', 'Rep B', 'Rep A'],
      },
      {
        field: 'first_contact_time',
        header: b('首次跟进时间', 'First Contact Date'),
        format: DATETIME,
        values: ['2024-05-06 10:00:00', '2024-05-08 09:30:00', '2024-05-09 16:20:00'],
      },
      { field: 'amount', header: b('预计金额', 'Deal Amount'), format: MONEY, values: [12000, 8000, 5000] },
      {
        field: 'closed_time',
        header: b('赢单时间', 'Close Date'),
        format: DATETIME,
        values: ['2024-05-20 17:00:00', '', ''],
      },
      {
        field: 'phone',
        header: b('手机号', 'Phone'),
        format: b('手机号', 'Mobile number'),
        pii: PHONE_MASK,
        values: ['138****0001', '136****0005', '135****0006'],
      },
    ],
  },
  {
    role: 'events',
    title: b('客户行为（事件）', 'Customer behaviour (events)'),
    about: b(
      '每行一个行为事件（浏览、加购、下单…，来自埋点或 App 分析）。转化漏斗读它。',
      'One row per behaviour event (view, add to cart, order…, from tracking or app analytics). The funnel reads it.',
    ),
    fields: [
      {
        field: 'customer_id',
        header: b('用户ID', 'User ID'),
        format: ID,
        pii: ID_MASK,
        values: ['U001', 'U001', 'U001', 'U002'],
      },
      {
        field: 'event_time',
        header: b('事件时间', 'Event Time'),
        format: DATETIME,
        values: ['2024-06-01 20:01:10', '2024-06-01 20:03:45', '2024-06-01 20:05:02', '2024-06-02 08:30:00'],
      },
      {
        field: 'event',
        header: b('事件名称', 'Event Name'),
        format: b('文本，如 浏览 / 加购 / 下单 / 支付', 'Text, e.g. view / add_to_cart / order / pay'),
        values: ['浏览', '加购', '下单', '浏览'],
        valuesEn: ['view', 'add_to_cart', 'order', 'view'],
      },
      {
        field: 'page',
        header: b('页面名称', 'Page Path'),
        format: TEXT,
        values: ['商品详情页', '购物车', '结算页', '首页'],
        valuesEn: ['/product/spf50', '/cart', '/checkout', '/'],
      },
      {
        field: 'channel',
        header: b('渠道', 'Channel'),
        format: TEXT,
        values: ['小程序', '小程序', '小程序', 'App'],
        valuesEn: ['web', 'web', 'web', 'app'],
      },
      {
        field: 'campaign',
        header: b('活动名称', 'Campaign'),
        format: TEXT,
        values: ['618 预热', '618 预热', '618 预热', ''],
        valuesEn: ['june_sale', 'june_sale', 'june_sale', ''],
      },
      {
        field: 'device',
        header: b('设备类型', 'Device Category'),
        format: TEXT,
        values: ['iOS', 'iOS', 'iOS', 'Android'],
      },
      {
        field: 'value',
        header: b('金额', 'Value'),
        format: b('数字（如下单金额），可空', 'Number (e.g. order value), may be empty'),
        values: ['', '', 199, ''],
      },
    ],
  },
  {
    role: 'experiment',
    title: b('A/B 实验结果', 'A/B test results'),
    about: b(
      '每行一位实验客户：所在组与结果（是否访问、是否转化、消费金额）。A/B 实验分析读它。',
      'One row per customer in the test: the arm and the outcome (visited, converted, spend). The A/B test section reads it.',
    ),
    fields: [
      {
        field: 'customer_id',
        header: b('客户ID', 'Customer ID'),
        format: ID,
        pii: ID_MASK,
        values: ['C0001', 'C0002', 'C0003', 'C0004'],
      },
      {
        field: 'arm',
        header: b('实验组', 'Variant'),
        format: b('组名，如 对照组 / 方案A', 'Arm name, e.g. control / variant_a'),
        values: ['对照组', '方案A', '方案A', '对照组'],
        valuesEn: ['control', 'variant_a', 'variant_a', 'control'],
      },
      {
        field: 'visited',
        header: b('是否访问', 'Visited'),
        format: FLAG,
        values: ['是', '是', '否', '否'],
        valuesEn: ['yes', 'yes', 'no', 'no'],
      },
      {
        field: 'converted',
        header: b('是否转化', 'Converted'),
        format: FLAG,
        values: ['否', '是', '否', '否'],
        valuesEn: ['no', 'yes', 'no', 'no'],
      },
      { field: 'revenue', header: b('消费金额', 'Revenue'), format: MONEY, values: [0, 268, 0, 0] },
    ],
  },
];

export function templateFor(role: string): InputTemplate | undefined {
  return TEMPLATES.find((t) => t.role === role);
}

/** Whether the role declaration requires the field (alone or as one of a group of alternatives). */
export function requirementOf(role: string, field: string): 'required' | 'one_of' | 'optional' {
  for (const q of roleDeclaration(role).required) {
    if (q === field) return 'required';
    if (typeof q !== 'string' && q.includes(field)) return 'one_of';
  }
  return 'optional';
}

/** The data sheet: headers and example rows in a language. */
export function templateTable(
  t: InputTemplate,
  lang: TemplateLang,
): { header: string[]; rows: TemplateCell[][] } {
  const header = t.fields.map((f) => f.header[lang]);
  const n = Math.max(...t.fields.map((f) => f.values.length));
  const rows = Array.from({ length: n }, (_, i) =>
    t.fields.map((f) => ((lang === 'en' ? f.valuesEn : undefined) ?? f.values)[i] ?? ''),
  );
  return { header, rows };
}

const NOTE_HEADER: Record<TemplateLang, string[]> = {
  zh: ['列名', '是否必填', '格式', '个人信息与脱敏建议'],
  en: ['Column', 'Required', 'Format', 'Personal data and masking'],
};
const REQUIRED_TEXT: Record<'required' | 'one_of' | 'optional', Bilingual> = {
  required: b('必填', 'Required'),
  one_of: b('必填（与同组列二选一）', 'Required (this or an alternative)'),
  optional: b('选填', 'Optional'),
};

export interface FieldNote {
  field: string;
  header: string;
  required: 'required' | 'one_of' | 'optional';
  requiredText: string;
  format: string;
  pii: string;
}

export function fieldNotes(t: InputTemplate, lang: TemplateLang): FieldNote[] {
  return t.fields.map((f) => {
    const required = requirementOf(t.role, f.field);
    return {
      field: f.field,
      header: f.header[lang],
      required,
      requiredText: REQUIRED_TEXT[required][lang],
      format: f.format[lang],
      pii: f.pii?.[lang] ?? '',
    };
  });
}

/** The notes sheet ("说明" / "Notes"): what the file is, then one row per column. */
export function notesTable(t: InputTemplate, lang: TemplateLang): string[][] {
  return [
    [t.title[lang]],
    [t.about[lang]],
    [],
    NOTE_HEADER[lang],
    ...fieldNotes(t, lang).map((n) => [n.header, n.requiredText, n.format, n.pii]),
  ];
}

export const NOTES_SHEET: Record<TemplateLang, string> = { zh: '说明', en: 'Notes' };
export const DATA_SHEET: Record<TemplateLang, string> = { zh: '数据', en: 'Data' };

/** Download file name, e.g. customer-lens-template-orders-zh.xlsx. */
export function templateFileName(t: InputTemplate, lang: TemplateLang, format: 'csv' | 'xlsx'): string {
  return `customer-lens-template-${t.role}-${lang}.${format}`;
}
