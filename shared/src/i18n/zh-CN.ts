// The one table of words shown to people. zh-CN is the hall's language; every other locale
// must carry the same keys (the type of `en` enforces it).
export const zhCN = {
  'error.VALIDATION_FAILED': '提交的信息有误，请检查后重试',
  'error.MALFORMED_JSON': '请求内容格式错误（不是有效的 JSON）',
  'error.UNSUPPORTED_MEDIA_TYPE': '请求内容类型不受支持，请使用 application/json',
  'error.ROUTE_NOT_FOUND': '没有这个接口',
  'error.CATEGORY_NOT_FOUND': '没有这个业务类别',
  'error.WINDOW_NOT_FOUND': '没有这个窗口',
  'error.TICKET_NOT_FOUND': '没有找到这张号票',
  'error.UNAUTHORIZED': '请先登录窗口',
  'error.INVALID_CREDENTIALS': '工号或密码不正确',
  'error.STAFF_NOT_AUTHORISED_FOR_WINDOW': '您没有在该窗口办理业务的授权',
  'error.WRONG_WINDOW': '您登录的不是这个窗口',
  'error.QUEUE_EMPTY': '当前没有等候的群众',
  'error.NO_CURRENT_TICKET': '当前没有正在办理的号票',
  'error.TICKET_IN_SERVICE': '请先办结或过号当前号票',
  'error.TICKET_NOT_WAITING': '这张号票不在等候中',
  'error.TICKET_NOT_NO_SHOW': '这张号票没有过号，无需恢复',
  'error.TICKET_NOT_SERVED_HERE': '本窗口不办理这张号票的业务',
  'error.WINDOW_PAUSED': '窗口已暂停服务，请先恢复',
  'error.WINDOW_NOT_PAUSED': '窗口没有暂停',
  'error.TRANSFER_TARGET_INVALID': '不能转移到这个窗口或业务类别',
  'error.IDEMPOTENCY_KEY_REUSED': '同一个取号请求的内容不一致',
  'error.INTERNAL_ERROR': '系统出现故障，请联系导服员',

  'ticket.status.waiting': '等候中',
  'ticket.status.called': '已叫号',
  'ticket.status.finished': '已办结',
  'ticket.status.no_show': '已过号',
  'ticket.status.cancelled': '已取消',
  'ticket.status.expired': '已过期',

  'window.state.open': '服务中',
  'window.state.paused': '暂停服务',
  'window.state.closed': '未开放',
  'window.extendedService': '延时服务',

  'priority.green_channel': '绿色通道',
  'priority.appointment': '预约',

  'announce.call': '请{number}号到{windowNo}号窗口办理',
  'announce.recall': '请{number}号到{windowNo}号窗口办理（重呼）',
} as const;

export type MessageKey = keyof typeof zhCN;
