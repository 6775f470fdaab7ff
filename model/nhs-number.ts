/**
 * The NHS number's modulus-11 check (NHS Data Dictionary, "NHS Number"):
 * weights 10 down to 2 on the first nine digits; the check digit is
 * 11 - (sum mod 11), where 11 means 0 and 10 means the number is invalid.
 * https://www.datadictionary.nhs.uk/attributes/nhs_number.html
 */
export function nhsNumberValid(value: string): boolean {
  if (!/^\d{10}$/.test(value)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(value[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(value[9]);
}
