// Simplified Chinese for an assistant booking on a lawyer's behalf. Spread into zh-CN.ts;
// booking-for-en.ts must match its shape.
const bookingForZhCN = {
  bookingFor: {
    journeyTitle: '您正在为 {{name}} 预约',
    journeyBody:
      '您是 {{name}}（{{username}}）确认的助理。预约记在 {{name}} 名下：会见律师是 {{name}}，所用材料也是 {{name}} 的；您只是代为填写。',
    myBookingsTitle: '{{name}} 的预约',
    myBookingsBody: '您作为助理可以查看 {{name}} 的全部预约，并取消由您代为填写的预约。',
    enteredFor: '预约律师：{{name}}（由您代为填写）',
    enteredByYou: '由您代为填写',
  },
};

export default bookingForZhCN;
