import { expect, test } from 'vitest';
import { luminance } from './contrast';

const ratio = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

test('luminance reads the forms getComputedStyle gives, as WCAG defines it', () => {
  expect(luminance('rgb(255, 255, 255)')).toBeCloseTo(1, 5);
  expect(luminance('rgba(0, 0, 0, 0.5)')).toBe(0);
  expect(luminance('color(srgb 1 1 1)')).toBeCloseTo(1, 5);
  // Mantine's gray-6 on white, below AA; its gray-7 above it.
  expect(ratio('rgb(134, 142, 150)', 'rgb(255, 255, 255)')).toBeCloseTo(3.32, 2);
  expect(ratio('rgb(73, 80, 87)', 'rgb(255, 255, 255)')).toBeGreaterThan(4.5);
});

test('luminance refuses a colour it cannot read rather than guess', () => {
  expect(() => luminance('transparent')).toThrow(/not a colour/);
});
