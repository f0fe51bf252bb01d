import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';
// Both languages' words, as the preview has them (the pane itself loads one: loadDictionary).
import '../../src/taskpane/i18n/dictionaries';

// jsdom has no ResizeObserver or canvas; Fluent UI charts measure with both.
class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(globalThis as unknown as { ResizeObserver: typeof ResizeObserverStub }).ResizeObserver = ResizeObserverStub;

// Suites that opt into the node environment (the bundle check) have no DOM to stub.
if (typeof HTMLCanvasElement !== 'undefined') {
  HTMLCanvasElement.prototype.getContext = (() => null) as unknown as HTMLCanvasElement['getContext'];
}

// jsdom has no SVG text layout; the charts measure axis titles with it (real browsers: e2e).
const svgProto = (globalThis as unknown as { SVGElement?: { prototype: Record<string, unknown> } }).SVGElement?.prototype;
if (svgProto && typeof svgProto.getComputedTextLength !== 'function') {
  svgProto.getComputedTextLength = function (this: Element): number {
    return (this.textContent ?? '').length * 7;
  };
}

// findBy*/waitFor wait for an event (a render, a write), not for a deadline: under a loaded
// machine the default 1 s ceiling failed suites that were correct. The ceiling now only ends a
// hung test, just before Jest's own testTimeout (jest.config.js) would.
configure({ asyncUtilTimeout: Number(process.env.ADPLAN_ASYNC_MS ?? 290_000) });
