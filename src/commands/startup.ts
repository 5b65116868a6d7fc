/**
 * Load the add-in with the workbook from now on, so RENO.* cells do not show #BUSY! while the runtime
 * starts (office-platform.md: call setStartupBehavior once the user has used the add-in).
 *
 * Our choice: commands.ts calls this when the shared runtime starts. The runtime only starts in a
 * workbook when the user opens the task pane or a RENO.* formula is calculated — i.e. once the add-in
 * has been used there — and the setting is per document. Feature-detected: SharedRuntime 1.1 and
 * `Office.addin.setStartupBehavior` must exist; elsewhere nothing happens.
 */

/** The part of the Office.js surface this module needs (a fake one in tests). */
export interface StartupOffice {
  readonly context?: { readonly requirements?: { isSetSupported(name: string, version?: string): boolean } };
  readonly addin?: { setStartupBehavior?: (behavior: Office.StartupBehavior) => Promise<void> };
  readonly StartupBehavior?: { readonly load: Office.StartupBehavior };
}

export type StartupOutcome = "set" | "unsupported" | "failed";

/** Asks Office to load the add-in when this workbook opens; never throws. */
export async function enableLoadOnOpen(office: StartupOffice | undefined): Promise<StartupOutcome> {
  const set = office?.addin?.setStartupBehavior;
  const load = office?.StartupBehavior?.load;
  if (set === undefined || load === undefined) return "unsupported";
  const req = office?.context?.requirements;
  if (req !== undefined && !req.isSetSupported("SharedRuntime", "1.1")) return "unsupported";
  try {
    await set.call(office!.addin, load);
    return "set";
  } catch (e) {
    // Not worth a dialog: the only cost is #BUSY! for a moment when the workbook next opens.
    console.warn("RENO: setStartupBehavior(load) failed", e);
    return "failed";
  }
}
