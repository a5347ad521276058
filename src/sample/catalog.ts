/**
 * What the sample store sells and to whom: categories with realistic Chinese product titles and list
 * prices, channels, payment methods by channel, provinces. Weights are shares, not exact statistics.
 */

/** Quantity profiles: weights for buying 1, 2, 3, 4 units. */
const DURABLE = [0.94, 0.05, 0.01, 0];
const USUAL = [0.78, 0.16, 0.05, 0.01];
const STOCK_UP = [0.55, 0.27, 0.12, 0.06];

export type Season = 'winter' | 'summer';

export interface Product {
  readonly name: string;
  /** List price in yuan. */
  readonly price: number;
  readonly qty: readonly number[];
  readonly season?: Season;
}

export interface Category {
  readonly name: string;
  /** Share of customers whose main category this is. */
  readonly weight: number;
  /** Typical days between two purchases of a customer who mostly buys this category. */
  readonly cycleDays: number;
  readonly products: readonly Product[];
}

const p = (name: string, price: number, qty: readonly number[] = USUAL, season?: Season): Product =>
  season ? { name, price, qty, season } : { name, price, qty };

export const CATEGORIES: readonly Category[] = [
  {
    name: '美妆护肤',
    weight: 0.18,
    cycleDays: 45,
    products: [
      p('玻尿酸补水保湿精华液 30ml', 269),
      p('氨基酸温和洁面乳 120g', 89),
      p('烟酰胺亮肤面膜 10片装', 129, STOCK_UP),
      p('清爽防晒霜 SPF50+ PA++++ 50ml', 159, USUAL, 'summer'),
      p('丝绒哑光口红 3.5g', 199),
      p('抗皱紧致眼霜 20g', 399, DURABLE),
      p('温和卸妆水 500ml', 99),
      p('舒缓保湿爽肤水 200ml', 139),
    ],
  },
  {
    name: '食品饮料',
    weight: 0.16,
    cycleDays: 20,
    products: [
      p('每日坚果混合果仁 30包', 129, STOCK_UP),
      p('冷萃冻干咖啡粉 24颗', 99, STOCK_UP),
      p('有机纯牛奶 250ml×12盒', 69, STOCK_UP),
      p('云南小粒咖啡豆 500g', 88),
      p('无糖苏打气泡水 330ml×24瓶', 59, STOCK_UP, 'summer'),
      p('手撕风干牛肉干 500g', 118),
      p('即食燕麦片 1kg', 39.9, STOCK_UP),
      p('明前西湖龙井茶叶 250g', 368, DURABLE),
    ],
  },
  {
    name: '服饰鞋包',
    weight: 0.14,
    cycleDays: 60,
    products: [
      p('纯棉圆领短袖T恤', 79, STOCK_UP, 'summer'),
      p('高腰直筒阔腿牛仔裤', 199),
      p('轻薄白鸭绒羽绒服', 599, DURABLE, 'winter'),
      p('真皮通勤托特包', 459, DURABLE),
      p('百搭厚底小白鞋', 269, DURABLE),
      p('羊毛混纺针织开衫', 329, DURABLE, 'winter'),
      p('冰丝防晒外套 UPF50+', 149, USUAL, 'summer'),
      p('加绒保暖卫衣', 189, USUAL, 'winter'),
    ],
  },
  {
    name: '个护清洁',
    weight: 0.11,
    cycleDays: 25,
    products: [
      p('持久留香洗衣凝珠 60颗', 59.9, STOCK_UP),
      p('氨基酸控油洗发水 500ml', 79, STOCK_UP),
      p('香氛沐浴露 1L', 69, STOCK_UP),
      p('美白护龈牙膏 3支装', 45.9, STOCK_UP),
      p('食品级洗洁精 1.5kg', 29.9, STOCK_UP),
      p('衣物护理柔顺剂 2.5L', 49.9),
    ],
  },
  {
    name: '家居日用',
    weight: 0.1,
    cycleDays: 45,
    products: [
      p('泰国天然乳胶枕', 239, DURABLE),
      p('全棉磨毛四件套 1.8m床', 369, DURABLE, 'winter'),
      p('厨房免打孔收纳置物架', 89),
      p('原木抽纸 3层100抽×24包', 49.9, STOCK_UP),
      p('玻璃保鲜盒 5件套', 79),
      p('无火香薰精油 200ml', 69),
      p('纯棉加厚毛巾 3条装', 59),
    ],
  },
  {
    name: '母婴用品',
    weight: 0.08,
    cycleDays: 18,
    products: [
      p('婴儿纸尿裤 L码 62片', 139, STOCK_UP),
      p('婴幼儿配方奶粉 3段 800g', 298, STOCK_UP),
      p('婴儿手口湿巾 80抽×6包', 49.9, STOCK_UP),
      p('高铁婴儿营养米粉 258g', 59),
      p('儿童316不锈钢保温杯', 129, DURABLE),
      p('婴儿洗护二合一沐浴露', 79),
    ],
  },
  {
    name: '数码电器',
    weight: 0.08,
    cycleDays: 150,
    products: [
      p('主动降噪真无线蓝牙耳机', 599, DURABLE),
      p('20000mAh 快充移动电源', 149, DURABLE),
      p('智能运动手环 心率血氧', 249, DURABLE),
      p('家用大容量空气炸锅 5L', 399, DURABLE),
      p('声波电动牙刷', 299, DURABLE),
      p('65W 氮化镓快充充电器', 129, DURABLE),
      p('无线机械键盘 茶轴', 459, DURABLE),
    ],
  },
  {
    name: '运动户外',
    weight: 0.06,
    cycleDays: 90,
    products: [
      p('加厚防滑瑜伽垫 6mm', 119, DURABLE),
      p('速干透气运动T恤', 99, USUAL, 'summer'),
      p('缓震轻量跑步鞋', 499, DURABLE),
      p('户外便携折叠露营椅', 169, USUAL, 'summer'),
      p('轻量登山双肩包 30L', 259, DURABLE),
      p('大容量运动水壶 1L', 59),
    ],
  },
  {
    name: '宠物用品',
    weight: 0.05,
    cycleDays: 25,
    products: [
      p('全价无谷成猫粮 2kg', 159, STOCK_UP),
      p('原味豆腐猫砂 6L×4包', 89, STOCK_UP),
      p('冻干鸡肉粒宠物零食', 69),
      p('猫咪体内外驱虫药', 129),
    ],
  },
  {
    name: '营养保健',
    weight: 0.04,
    cycleDays: 30,
    products: [
      p('维生素C泡腾片 20片×3管', 79, STOCK_UP),
      p('深海鱼油软胶囊 100粒', 198),
      p('成人益生菌冻干粉 30袋', 168),
      p('乳清蛋白粉 2磅', 269),
    ],
  },
];

export const CHANNELS = [
  ['天猫旗舰店', 0.36],
  ['APP', 0.22],
  ['小程序', 0.18],
  ['抖音直播', 0.15],
  ['线下门店', 0.09],
] as const;
export type Channel = (typeof CHANNELS)[number][0];

export const PAYMENTS_BY_CHANNEL: Readonly<Record<Channel, readonly (readonly [string, number])[]>> = {
  天猫旗舰店: [
    ['支付宝', 0.62],
    ['花呗', 0.28],
    ['银行卡', 0.1],
  ],
  APP: [
    ['微信支付', 0.42],
    ['支付宝', 0.38],
    ['银行卡', 0.1],
    ['花呗', 0.1],
  ],
  小程序: [
    ['微信支付', 0.95],
    ['银行卡', 0.05],
  ],
  抖音直播: [
    ['抖音支付', 0.45],
    ['微信支付', 0.3],
    ['支付宝', 0.25],
  ],
  线下门店: [
    ['微信支付', 0.5],
    ['支付宝', 0.35],
    ['银行卡', 0.1],
    ['云闪付', 0.05],
  ],
};

// prettier-ignore
export const PROVINCES = [
  ['广东省', 13], ['浙江省', 9], ['江苏省', 9], ['上海市', 6], ['北京市', 5.5], ['山东省', 6],
  ['四川省', 5], ['福建省', 4.5], ['河南省', 4.5], ['湖北省', 4], ['湖南省', 3.5], ['安徽省', 3],
  ['河北省', 3], ['辽宁省', 2.5], ['陕西省', 2.5], ['重庆市', 2.5], ['天津市', 2], ['江西省', 2],
  ['广西壮族自治区', 2], ['云南省', 2], ['山西省', 1.5], ['黑龙江省', 1.5], ['吉林省', 1.2],
  ['贵州省', 1.2], ['内蒙古自治区', 1], ['新疆维吾尔自治区', 0.8], ['甘肃省', 0.8], ['海南省', 0.8],
  ['宁夏回族自治区', 0.4], ['青海省', 0.3], ['西藏自治区', 0.1],
] as const;
