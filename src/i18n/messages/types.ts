/** A message in both UI languages, side by side so neither can be forgotten. `{name}` is a parameter. */
export type Message = { 'zh-CN': string; en: string };
export type Messages = Record<string, Message>;
