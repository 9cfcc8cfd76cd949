// Types of labelcost/embed: importing it registers <labelcost-calculator>.
import type { Result } from './engine.js';

/**
 * The calculator as a custom element. Attributes: scenario (format v1 JSON),
 * preset, rates, card (your own rate card, JSON), rates-src, compact, theme
 * (light, dark; absent: the system's), site (the page share links name).
 */
export declare class LabelcostCalculator extends HTMLElement {
  /** The latest estimate (result format v1), or null before the first. */
  readonly result: Result | null;
  addEventListener<K extends keyof LabelcostCalculatorEventMap>(type: K,
    listener: (this: LabelcostCalculator, event: LabelcostCalculatorEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject,
    options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof LabelcostCalculatorEventMap>(type: K,
    listener: (this: LabelcostCalculator, event: LabelcostCalculatorEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject,
    options?: boolean | EventListenerOptions): void;
}

export interface LabelcostCalculatorEventMap extends HTMLElementEventMap {
  /** After every estimate; bubbles and crosses shadow roots. */
  'labelcost-change': CustomEvent<Result>;
}

declare global {
  interface HTMLElementTagNameMap {
    'labelcost-calculator': LabelcostCalculator;
  }
}
