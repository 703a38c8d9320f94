// The words of a file refused because OCR is off: how such a refusal is told and later found again (no OCR code
// loaded for it).
export const OCR_OFF = '未启用文字识别（OCR）';
