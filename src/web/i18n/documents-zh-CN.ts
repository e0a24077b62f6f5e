// Simplified Chinese for meeting documents: the journey's documents step, the permission decision in "my
// bookings", and the centre staff's permission queue. Spread into zh-CN.ts; documents-en.ts must match.
const documentsZhCN = {
  documents: {
    kinds: {
      power_of_attorney: '授权委托书',
      legal_aid_letter: '法律援助公函',
      firm_letter: '律师事务所证明',
      permission_decision: '许可决定书',
    },
    requirements: {
      authority: '授权委托书或法律援助公函',
      firm_letter: '律师事务所证明（会见介绍信）',
    },
    step: {
      title: '会见材料',
      intro:
        '会见须提交授权委托书或法律援助公函，以及律师事务所证明（《刑事诉讼法》第三十九条）。您以前为该当事人上传的材料已为您选中，可直接使用；也可以拍照或选择文件上传新的。',
      onFile: '已有材料',
      noneOnFile: '尚未上传{{requirement}}',
      choose: '选择本次使用的{{requirement}}',
      uploadNew: '上传新的{{requirement}}',
      kindLegend: '材料类型',
      fileMeta: '{{date}} 上传 · {{size}}',
      view: '查看',
      missing: '还缺少：{{list}}。请上传或选择后继续。',
      originals: '会见当天请携带以上材料的原件，看守所将核对。',
      clientProblem: '无法为该当事人查找材料',
    },
    upload: {
      takePhoto: '拍照上传',
      chooseFile: '选择文件',
      help: 'JPEG、PNG 照片或 PDF 文件，不超过 10 MB',
      uploading: '正在上传 {{name}}',
      progressLabel: '{{name}} 的上传进度',
      done: '已上传 {{name}}',
      size: '“{{name}}”超过 10 MB，请压缩或分页后重新上传。',
      type: '“{{name}}”不是 JPEG、PNG 或 PDF 文件。',
      empty: '“{{name}}”是空文件。',
      unreadable: '无法读取“{{name}}”，请重新选择。',
    },
    check: {
      documents: '会见材料',
    },
    permission: {
      title: '侦查机关许可',
      waiting: '该案件须经侦查机关许可方可会见。请上传许可决定书，看守所确认后预约即生效。',
      uploaded: '已上传许可决定书，等待看守所确认。',
      upload: '上传许可决定书',
      files: '已上传的许可决定书',
      principalOnly: '该案件须经侦查机关许可方可会见。许可决定书须由律师本人上传。',
    },
  },
  permissionQueue: {
    title: '待许可会见',
    intro:
      '危害国家安全犯罪、恐怖活动犯罪案件在侦查期间，律师会见须经侦查机关许可。请核对律师上传的许可决定书后确认；不予许可时请写明原因，律师将收到通知，名额随即释放。',
    empty: '没有等待许可的会见预约',
    time: '会见时间',
    client: '在押人员',
    lawyers: '律师',
    documents: '材料',
    decision: '许可决定书',
    actions: '操作',
    noDecision: '律师尚未上传',
    hasDecision: '已上传',
    passed: '会见时间已过且未确认许可，该会见不能进行。',
    confirm: '确认许可',
    confirmTitle: '确认 {{name}} 的会见许可？',
    confirmBody: '确认后预约生效，律师将收到通知。',
    confirmed: '已确认许可，预约生效',
    refuse: '不予许可',
    refuseTitle: '不予许可：{{name}}',
    reason: '原因（律师可见）',
    reasonRequired: '请填写原因，至少 2 个字',
    refused: '已不予许可，预约已取消',
    viewer: {
      title: '{{kind}}：{{name}}',
      audit: '每次查看材料都会记入审计日志。',
      openPdf: '在新标签页中打开 PDF',
      alt: '{{name}}的{{kind}}',
      sha256: 'SHA-256',
    },
  },
};

export default documentsZhCN;
