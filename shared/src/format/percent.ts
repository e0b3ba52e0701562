/** A share (0..1) as a percentage with one decimal, without the sign: 0.5 -> "50.0". */
export const percentOf = (share: number): string => (Math.round(share * 1000) / 10).toFixed(1);
