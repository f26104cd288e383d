import { expect, test } from 'vitest';
import { contrastFaults, contrastRatio, luminance, parseColour } from './contrast';

test('luminance reads the forms getComputedStyle gives, as WCAG defines it', () => {
  expect(luminance('rgb(255, 255, 255)')).toBeCloseTo(1, 5);
  expect(luminance('rgba(0, 0, 0, 0.5)')).toBe(0);
  expect(luminance('color(srgb 1 1 1)')).toBeCloseTo(1, 5);
  expect(parseColour('color(srgb 0.5 0.25 1 / 0.5)')).toEqual([0.5, 0.25, 1, 0.5]);
  // Mantine's gray-6 on white, below AA; its gray-7 above it.
  expect(contrastRatio('rgb(134, 142, 150)', 'rgb(255, 255, 255)')).toBeCloseTo(3.32, 2);
  expect(contrastRatio('rgb(73, 80, 87)', 'rgb(255, 255, 255)')).toBeGreaterThan(4.5);
});

test('translucent text is judged as it shows: blended over its background', () => {
  expect(contrastRatio('rgba(0, 0, 0, 1)', 'rgb(255, 255, 255)')).toBeCloseTo(21, 5);
  // Black at 30 % on white shows as a light grey.
  expect(contrastRatio('rgba(0, 0, 0, 0.3)', 'rgb(255, 255, 255)')).toBeCloseTo(2.11, 2);
});

test('luminance refuses a colour it cannot read rather than guess', () => {
  expect(() => luminance('transparent')).toThrow(/not a colour/);
});

test('contrast faults: AA for small text, 3:1 for large, nothing said without a known background', () => {
  const grey = { color: 'rgb(134, 142, 150)', background: 'rgb(255, 255, 255)' };
  expect(contrastFaults([{ selector: '.a', text: 'small', large: false, ...grey }])).toEqual([
    '.a "small": 3.32:1 (rgb(134, 142, 150) on rgb(255, 255, 255)), under 4.5:1',
  ]);
  expect(contrastFaults([{ selector: '.b', text: 'large', large: true, ...grey }])).toEqual([]);
  expect(
    contrastFaults([{ selector: '.c', text: 'over an image', large: false, ...grey, background: null }]),
  ).toEqual([]);
});
