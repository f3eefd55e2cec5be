/** Answers below 200 or from 300 up fail the bench: a figure made of errors would flatter it. */
export async function expectOk(pending: Promise<Response>, what: string): Promise<string> {
  const response = await pending;
  const text = await response.text();
  if (!response.ok) throw new Error(`${what} answered ${response.status}: ${text}`);
  return text;
}
