import { verifyPin, hashPin } from '/work/wt-abuse/hall-server/src/services/pin-hash.ts';
const stored = await hashPin('123456');
let done = 0, busy = 0;
const t0 = performance.now();
let maxLag = 0; let last = performance.now();
const iv = setInterval(() => { const n = performance.now(); maxLag = Math.max(maxLag, n - last - 10); last = n; }, 10);
await Promise.all(Array.from({ length: 32 }, async () => {
  while (performance.now() - t0 < 3000) {
    try { await verifyPin('000000', stored); done++; } catch { busy++; await new Promise((r) => setTimeout(r, 1)); }
  }
}));
clearInterval(iv);
console.log({ done, busy, perSecond: done / 3, maxLag });
