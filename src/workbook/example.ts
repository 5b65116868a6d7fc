/**
 * The bundled example project (examples/hongqiao-xincun.json, the lead's CLI example), used by the
 * template's `--example` and by tests. Imported as JSON so the task pane's bundle carries it too.
 */
import example from "../../examples/hongqiao-xincun.json";

export interface ExampleInput {
  readonly policy?: string | { base?: string; [key: string]: unknown };
  readonly project: {
    readonly name?: string;
    readonly area: number;
    readonly costs: { readonly basic?: number; readonly improvement?: number; readonly enhancement?: number };
    readonly socialCapital?: number;
    readonly elevatorCost?: number;
  };
  readonly households?: readonly Record<string, unknown>[];
  /** New elevators (elevator-rules.md), the 加装电梯 rows. */
  readonly elevators?: readonly Record<string, unknown>[];
}

export const EXAMPLE_INPUT: ExampleInput = example as ExampleInput;
