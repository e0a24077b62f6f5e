// 中文：候补（会见时段约满后排队等候，空出的名额依次保留给候补的律师）。
// Spread into zh-CN.ts; waitlist-en.ts must match its shape.
const waitlistZhCN = {
  waitlist: {
    status: {
      waiting: '候补中',
      offered: '名额已为您保留',
      booked: '已预约',
      lapsed: '保留已超时',
      withdrawn: '已退出候补',
      closed: '候补已结束',
    },
    join: {
      title: '该时段已约满，可加入候补',
      body: '加入候补后，一旦有人取消或名额保留超时，空出的名额将按加入先后保留给候补律师，并短信通知您；名额为您保留 {{minutes}} 分钟，请在此时间内完成预约。',
      chooseDuration: '请先选择会见时长，候补的名额将按此时长保留。',
      button: '加入候补（{{minutes}} 分钟）',
      joined: '已加入候补',
    },
    position: '您在候补队列中排第 {{position}} 位。',
    positionShort: '候补第 {{position}} 位',
    offeredHere: '空出的名额已为您保留，请到“我的预约”中继续完成预约。',
    mine: {
      title: '我的候补',
      offerTitle: '候补名额已为您保留',
      offerBody: '名额保留至 {{until}}（北京时间），请在此之前完成预约，逾时将依次保留给下一位候补律师。',
      remaining: '剩余时间 ',
      timerLabel: '候补名额保留剩余时间',
      continue: '继续完成预约',
      decline: '放弃该名额',
      withdraw: '退出候补',
      withdrawn: '已退出候补。',
      declined: '已放弃该名额，名额将保留给下一位候补律师。',
      duration: '{{count}} 分钟',
    },
  },
  waitlistStaff: {
    summary: '候补 {{waiting}} 人',
    summaryOffered: '候补 {{waiting}} 人，{{offered}} 人名额保留中',
    show: '查看候补',
    showFor: '查看 {{time}} 时段的候补',
    title: '{{time}} 时段候补队列',
    empty: '该时段没有候补。',
    columns: {
      position: '顺序',
      lawyer: '律师',
      duration: '时长',
      joinedAt: '加入时间（北京时间）',
      status: '状态',
    },
    lawyerName: '{{name}}（{{username}}）',
    offeredUntil: '保留至 {{time}}',
    waiting: '等候中',
  },
};

export default waitlistZhCN;
