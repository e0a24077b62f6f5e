// Simplified Chinese for the admin's holiday-year page. Spread into zh-CN.ts; holiday-years-en.ts must
// match its shape.
const holidayYearsZhCN = {
  holidayYears: {
    title: '节假日安排',
    intro:
      '会见预约期限按工作日计算：放假日不开放预约，调休上班日照常预约。Custos 内置已核实的年度安排；国务院办公厅发布新一年的节假日安排通知后，请在此录入。尚未录入的年度不开放预约。',
    coveredTitle: '已收录的年度',
    columns: {
      year: '年度',
      origin: '来源',
      source: '依据',
      daysOff: '放假天数',
      workdays: '调休上班天数',
      added: '录入人与时间',
      actions: '操作',
    },
    origin: {
      built_in: '内置',
      added: '管理员录入',
      replacesBuiltIn: '管理员录入（替换内置）',
    },
    addedBy: '{{name}}，{{time}}',
    load: '载入表单',
    loaded: '已载入 {{year}} 年的安排，可修改后保存',
    empty: '暂无年度',
    formTitle: '录入或更新一年的安排',
    formIntro: '保存时整年替换；所有日期按北京时间计。',
    year: '年度',
    yearRequired: '请输入 2000 至 2100 之间的年度',
    source: '依据（通知名称与文号）',
    sourceHelp: '例如“国务院办公厅关于XXXX年部分节假日安排的通知”及其文号。',
    daysOff: '放假日期',
    daysOffHelp:
      '每行一天：日期和节日名称，以空格隔开，例如“2027-01-01 元旦”。放假期间的周末也逐日列出；须包含 1 月 1 日、5 月 1 日和 10 月 1 日至 3 日。',
    workdays: '调休上班日期',
    workdaysHelp: '每行一天：调休上班的星期六或星期日和所补的节日名称，格式同上；没有可留空。',
    malformed: '第 {{line}} 行“{{text}}”应为“日期 名称”',
    rowError: '第 {{line}} 行：{{message}}',
    save: '保存',
    replaceTitle: '替换 {{year}} 年的安排？',
    replaceBody: '{{year}} 年已有安排（{{origin}}）。保存后整年替换，预约期限立即按新安排计算。',
    replace: '替换',
    saved: '已保存 {{year}} 年的节假日安排',
  },
};

export default holidayYearsZhCN;
