/**
 * A field key as people read it in a message: "hireDate" → "Hire date", "departmentId" →
 * "Department", "employeeNumber" → "Employee number". Keys that are not camelCase stay as they are.
 */
export function fieldLabel(key: string): string {
  if (!/^[a-z][a-zA-Z0-9]*$/.test(key)) return key;
  const words = key.replace(/Ids?$/, (s) => (s === 'Ids' ? 's' : '')).replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
