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
  numbers: NumberMention[];
  dates: DateMention[];
  entities: Entity[];
  selector: QuoteSelector;
}

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
