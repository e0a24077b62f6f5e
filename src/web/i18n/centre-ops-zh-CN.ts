// Simplified Chinese for the centre's own acts on bookings: cancelling with a reason, recording whether a
// meeting took place, releases and transfers on the roster, and the reason a lawyer reads. Spread into
// zh-CN.ts; centre-ops-en.ts must match its shape.
const centreOpsZhCN = {
  centreOps: {
    reasons: {
      released: '在押人员已释放',
      transferred: '在押人员已转所',
      emergency: '看守所突发情况',
      other: '其他原因',
    },
    roster: {
      intro: '律师预约时须填写与名册一致的姓名和身份证号。身份证号只显示前六位（地区码）和后四位。',
      checking: '正在查询其会见预约…',
      comingMeetings: '其尚未开始的会见预约有 {{count}} 个，将由看守所取消，律师可在“我的预约”中看到原因。',
      noComingMeetings: '其没有尚未开始的会见预约。',
      statusChanged: '状态已更新',
      statusChangedCancelled: '状态已更新，已取消其 {{count}} 个尚未开始的会见预约',
    },
    day: {
      actions: '操作',
      cancel: '取消预约',
      markAttended: '已会见',
      markNoShow: '爽约',
      correct: '更正为爽约',
      confirmNoShow: '登记为爽约？爽约将计入律师的爽约记录，登记后不能更改。',
      attendedDone: '已登记为已会见',
      noShowDone: '已登记为爽约',
      cancelledDone: '预约已取消',
      correctedDone: '已更正为爽约',
      byCentre: '看守所取消（{{name}}）',
      byLawyer: '律师取消（{{name}}）',
    },
    cancel: {
      title: '取消会见预约',
      intro: '看守所取消不计入律师的爽约记录。律师可在“我的预约”中看到取消原因。',
      reasonCode: '取消原因',
      reasonCodeRequired: '请选择取消原因',
      reason: '说明',
      reasonHelp: '突发情况或其他原因须写明理由；律师会看到这段文字',
      reasonRequired: '请简要说明情况（至少 2 个字）',
      confirm: '取消预约',
      keep: '不取消',
    },
    correct: {
      title: '更正为爽约',
      warning: '更正后将计入律师的爽约记录，且不能再更改。只能在会见当天更正。',
      reason: '更正理由',
      reasonRequired: '请填写更正理由（至少 2 个字）',
      confirm: '更正为爽约',
    },
    myBookings: {
      centreCancelled: '看守所取消原因：{{reason}}',
    },
  },
};

export default centreOpsZhCN;
