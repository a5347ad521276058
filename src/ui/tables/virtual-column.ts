/** A column of the virtualised table: what to show and how to format a cell as text. */
export interface VirtualColumn<T> {
  key: string;
  label: string;
  numeric?: boolean;
  width?: number;
  format?: (value: unknown, row: T) => string;
}
