// How a mobile number shows in lists and to the lawyer: enough to recognise it, not enough to call it.
export function maskMobile(mobile: string): string {
  return mobile.length === 11 ? `${mobile.slice(0, 3)}****${mobile.slice(-4)}` : '*'.repeat(mobile.length);
}
