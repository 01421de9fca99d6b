// The shapes a claim takes when it leaves the extraction library: what the API stores and the CLI prints.

export type CueType = 'hedge' | 'attribution' | 'approximation' | 'speculation' | 'question';

export type ClaimKind = 'statistical' | 'event' | 'causal' | 'attributed' | 'prediction' | 'opinion' | 'other';

/** An epistemic cue; start/end are offsets into the normalised text (UTF-16 code units). */
export interface Cue {
  type: CueType;
  text: string;
  start: number;
  end: number;
}

/** W3C Web Annotation TextQuoteSelector; prefix and suffix hold up to 32 characters. */
export interface QuoteSelector {
  exact: string;
  prefix: string;
  suffix: string;
}

export interface Entity {
  text: string;
  type: 'person' | 'organisation' | 'place' | 'other';
  start: number;
  end: number;
}

export interface NumberMention {
  text: string;
  value: number | null;
  unit: string | null;
  start: number;
  end: number;
}

export interface DateMention {
  text: string;
  kind: 'absolute' | 'relative';
  iso: string | null;
  start: number;
  end: number;
}

export interface ExtractedClaim {
  text: string;
  start: number;
  end: number;
  paragraph: number;
  kind: ClaimKind;
  score: number;
  checkWorthy: boolean;
  reasons: string[];
  cues: Cue[];
  attribution: string | null;
  /** The source is unnamed ("officials", "sources say", "people familiar with the matter"). */
  unnamedSource: boolean;
  /** Who makes the claim: the attributed source; null when the article itself does (the caller knows its author or publication). */
  claimant: string | null;
  /** Order for checking, 1 first: 1 check-worthy and hedged or anonymously sourced, 2 check-worthy with a number or date, 3 other check-worthy, 4 the rest. */
  triage: TriageTier;
  numbers: NumberMention[];
  dates: DateMention[];
  entities: Entity[];
  selector: QuoteSelector;
}

export type TriageTier = 1 | 2 | 3 | 4;

export interface ExtractionResult {
  text: string;
  claims: ExtractedClaim[];
}

export type DocumentFormat = 'text' | 'markdown' | 'html' | 'docx';

export interface Anchor {
  start: number;
  end: number;
  confidence: number;
}
