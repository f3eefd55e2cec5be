export interface Column<R> {
  header: string;
  cell(row: R): string;
}

/** Left-aligns the first column (names), right-aligns the figures; the first row is the header. */
export function table(rows: readonly string[][]): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  return rows.map((row) => row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('   '));
}

/** A header and one line per row, indented under a report's heading. */
export function columnTable<R>(columns: readonly Column<R>[], rows: readonly R[]): string[] {
  return table([columns.map((c) => c.header), ...rows.map((row) => columns.map((c) => c.cell(row)))]).map((line) => `  ${line}`);
}
