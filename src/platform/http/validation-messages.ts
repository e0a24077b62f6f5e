// Field errors in both languages. Zod's own locales give the wording for its standard checks; the custom
// messages our schemas set (in English) are translated here, so a schema stays one readable line.
import { z } from 'zod';
import type { FieldError } from './problem.js';

const zh = z.locales.zhCN().localeError;
const en = z.locales.en().localeError;

/** Chinese for the English messages that schemas in src/modules set explicitly. */
const CUSTOM_ZH: Record<string, string> = {
  'six digits': '应为 6 位数字',
  'lowercase letters, digits, dot, underscore and hyphen only': '只能包含小写字母、数字、点、下划线和连字符',
  'must be a postgres:// URL': '必须是 postgres:// 地址',
  'a date as YYYY-MM-DD': '日期格式应为 YYYY-MM-DD',
  'date must fall in the given year (or in the December before it)': '日期应在该年度内（或上一年 12 月）',
  'date is listed twice': '日期重复',
  'date is both a day off and a make-up workday': '同一日期不能既是放假日又是调休上班日',
  'a make-up workday must be a Saturday or Sunday': '调休上班日应为星期六或星期日',
  'days off must include 1 January, 1 May and 1–3 October':
    '放假日应包含 1 月 1 日、5 月 1 日和 10 月 1 日至 3 日',
  'an ID number has 18 characters': '身份证号应为 18 位',
  'an ID number is 17 digits followed by a digit or X': '身份证号应为 17 位数字加 1 位数字或 X',
  'the first two digits are not a valid province code': '前两位不是有效的省级行政区划代码',
  'digits 7 to 14 are not a valid date of birth': '第 7 至 14 位不是有效的出生日期',
  'the last character does not match the rest of the number; check for a typing error':
    '最后一位校验码与号码不符，请检查是否输错',
  'a licence number has 17 digits (12 on a licence issued before 2009)':
    '执业证号应为 17 位数字（2009 年以前颁发的为 12 位）',
  'a licence number contains digits only': '执业证号只能包含数字',
  'the 1st digit must be 1 and the 10th a practice category from 1 to 9':
    '第 1 位应为 1，第 10 位应为执业类别代码（1 至 9）',
  'the province code (digits 2–3, or 1–2 on a 12-digit licence) is not valid':
    '省级行政区划代码（第 2–3 位；12 位旧证为第 1–2 位）无效',
  'digits 6–9 are not a possible year of first licence (1979 to this year)':
    '第 6–9 位不是有效的首次执业年度（1979 年至今年）',
  'a time as HH:MM': '时间格式应为 HH:MM',
  'the session must end after it starts': '结束时间应晚于开始时间',
  'every meeting length must fit in the session': '每种会见时长都应在时段之内',
  'a mainland China mobile number: 11 digits starting with 13 to 19':
    '应为中国大陆手机号码：以 13 至 19 开头的 11 位数字',
  'the licence photo must be sent as base64': '执业证照片应以 base64 编码上传',
  'the licence photo file is empty': '执业证照片文件为空',
  'the licence photo must be 5 MB or smaller': '执业证照片不能超过 5 MB',
  'the licence photo must be a JPEG, PNG or PDF file': '执业证照片应为 JPEG、PNG 或 PDF 文件',
  // client documents (src/modules/booking/client-document-file.ts)
  'the document must be sent as base64': '材料文件应以 base64 编码上传',
  'the document file is empty': '材料文件为空',
  'the document must be 10 MB or smaller': '材料文件不能超过 10 MB',
  'the document must be a JPEG, PNG or PDF file': '材料文件应为 JPEG、PNG 或 PDF 文件',
  'a file name may not contain control characters': '文件名不能包含控制字符',
  // centre operations (src/modules/booking/centre-ops-schemas.ts)
  'say briefly what happened: an emergency or another reason needs words':
    '请简要说明情况：突发情况或其他原因须写明理由',
  // cases (src/modules/cases/schemas.ts)
  'a case number: up to 40 letters, digits and hyphens': '案件编号最多 40 位，只能包含字母、数字和连字符',
  'an officer is chosen from the case officers': '办案民警应从本案的办案民警中选择',
  'choose the person from the case': '请从本案人员中选择',
  'give the participant’s name': '请填写参与人员的姓名',
  'the end must be after the start': '结束时间应晚于开始时间',
  'give the actual start with the end': '填写实际结束时间时应同时填写实际开始时间',
  // transcripts and interruptions (src/modules/transcripts/schemas.ts)
  'name who approved going on without recording': '请填写批准不录音录像继续进行的人员',
  'quote where the transcript notes going on without recording': '请填写笔录中关于未录音录像继续进行的记载',
  // recordings (src/modules/recordings/tus/protocol.ts, schemas.ts)
  'the SHA-256 of the whole file, as 64 hexadecimal digits':
    '应为整个文件的 SHA-256 校验值（64 位十六进制数字）',
  'the capture cannot end before it starts': '录制结束时间不能早于开始时间',
  'give the corrected start, the corrected end, or both': '请填写更正后的开始时间、结束时间或两者',
  'the corrected end cannot be before the corrected start': '更正后的结束时间不能早于更正后的开始时间',
};

type Issue = z.core.$ZodIssue;

function standardMessage(map: typeof zh, issue: Issue): string | undefined {
  const out = map(issue as unknown as z.core.$ZodRawIssue);
  if (typeof out === 'string') return out;
  return out?.message;
}

export function localiseIssue(issue: Issue, pathPrefix = ''): FieldError {
  const enStandard = standardMessage(en, issue);
  const isCustom = issue.message !== enStandard;
  const english = issue.message;
  const chinese = isCustom ? (CUSTOM_ZH[english] ?? english) : (standardMessage(zh, issue) ?? english);
  const path = [pathPrefix, ...issue.path.map(String)].filter(Boolean).join('.');
  return { path, code: issue.code, message: { 'zh-CN': chinese, en: english } };
}
