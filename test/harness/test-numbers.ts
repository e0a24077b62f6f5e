// Valid identity numbers for tests, computed here from the standards rather than by the code under test.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** A valid GB 11643 citizen ID number (MOD 11-2 check character); the serial makes each one distinct. */
export function idNo(serial: number, prefix = '11010519800101'): string {
  const body = `${prefix}${String(serial).padStart(3, '0')}`;
  const sum = [...body].reduce((acc, d, i) => acc + Number(d) * WEIGHTS[i]!, 0);
  return body + '10X98765432'[sum % 11];
}

/** A valid 17-digit licence number: version 1, province, city, first licensed 2010, full-time. */
export function licenceNo(serial: number, province = '13', city = '01'): string {
  return `1${province}${city}201010${String(serial).padStart(6, '0')}`;
}
