/**
 * The report's data model: everything the HTML report and the terminal summary show, as plain data.
 * It is filled from ledger reads (see `demo/ledger/`) and rendered by pure functions, so a report can be
 * rebuilt from a saved `ReportData` and tested without a network.
 *
 * Masses are exact integers in grams, as on the ledger.
 */

/** One battery-passport attribute as a reader sees it: a dotted path into the passport view and its value. */
export interface PassportField {
  /** Attribute group, e.g. `general`, `carbonFootprint`, `circularity` (the first segment of `path`). */
  readonly group: string;
  /** Dotted path of the attribute in the view, e.g. `carbonFootprint.totalKgCo2e`. */
  readonly path: string;
  /** The value, rendered as text by the ledger reader. */
  readonly value: string;
}

/** A passport as one access tier sees it. */
export interface PassportView {
  /** Access tier the ledger answered for, e.g. `public` or `legitimateInterest`. */
  readonly tier: string;
  /** Who read it, e.g. `RecyclingMSP (recycler)`. */
  readonly reader: string;
  /** Every attribute the tier sees, in the ledger's order. */
  readonly fields: readonly PassportField[];
}

/** One battery's passport in two access tiers, shown side by side. */
export interface PassportComparison {
  /** The passport id (the battery's unique identifier). */
  readonly passportId: string;
  /** A short human description, e.g. `EV pack, NMC811, 75 kWh`. */
  readonly summary: string;
  /** The public view. */
  readonly publicView: PassportView;
  /** A restricted view (legitimate interest or authorities). */
  readonly restrictedView: PassportView;
}

/** A facility as the trace and statements show it. */
export interface FacilityRef {
  readonly id: string;
  readonly name: string;
  /** ISO 3166-1 alpha-2 country code. */
  readonly country: string;
  /** Facility kind, e.g. `mine`, `refinery`, `cellPlant`. */
  readonly kind: string;
}

/** What a trace node stands for. */
export type TraceNodeKind = 'battery' | 'lot' | 'site';

/** One hop of an upstream trace: a battery, a material lot, or the mine site a lot was extracted at. */
export interface TraceNode {
  /** Record id (battery id, lot id or facility id). */
  readonly id: string;
  readonly kind: TraceNodeKind;
  /** What it is, e.g. `Cobalt sulfate` or `EV pack`. */
  readonly title: string;
  /** The record's own mass in grams, when it has one. */
  readonly massGrams?: number;
  /** Grams of this record that went into its parent in the tree (the mass at this hop). */
  readonly usedGrams?: number;
  /** Where the record was made, held or extracted. */
  readonly facility?: FacilityRef;
  /** ISO 8601 date of creation or extraction. */
  readonly date?: string;
  /** Certifications and claims, e.g. `IRMA 75 (valid to 2026-06-30)` or `recycled (post-consumer)`. */
  readonly certifications: readonly string[];
  /** Further facts worth a line each, e.g. `assay Co 30.5 %`. */
  readonly details: readonly string[];
  /** Upstream records this one was made from. */
  readonly children: readonly TraceNode[];
}

/** The kind of a mass-balance account entry. */
export type MassBalanceEntryKind = 'opening' | 'credit' | 'debit' | 'adjustment' | 'closing';

/** One line of a mass-balance statement. */
export interface MassBalanceEntry {
  /** ISO 8601 time of the entry. */
  readonly at: string;
  readonly kind: MassBalanceEntryKind;
  /** Grams credited (positive) or debited (negative). */
  readonly grams: number;
  /** The record that caused it (lot, transfer or process id). */
  readonly reference: string;
  /** Short explanation, e.g. `receipt of certified cobalt hydroxide`. */
  readonly note: string;
}

/** Grams of output per grams of input. */
export interface ConversionFactor {
  readonly inputGrams: number;
  readonly outputGrams: number;
}

/** A claim booked on a transformation output against the account, and what the account's credit backs. */
export interface OutputClaim {
  /** The lot that carries the label: the output itself, or the part split off it. */
  readonly labelledLotId: string;
  readonly outputLotId: string;
  readonly processRunId: string;
  /** Output grams labelled. */
  readonly claimedGrams: number;
  /** Input credit the claim used. */
  readonly debitedGrams: number;
  /** The factor the claim was booked at. */
  readonly conversion: ConversionFactor;
  /** The run's own yield, over all its inputs and outputs (the most a claim may use). */
  readonly runYield?: ConversionFactor;
  /** Output the period's credit (opening and credited) backs at the claim's factor, rounded down. */
  readonly backedGrams: number;
  /** Output the period's credit would back at the run's yield, rounded down. */
  readonly backedAtRunYieldGrams?: number;
  /**
   * Output the run's credited inputs back by the content of the output's main element (e.g. cobalt for cobalt
   * sulfate): the output's mass times their share of the element the run took in, rounded down.
   */
  readonly byElement?: { readonly element: string; readonly grams: number };
}

/** A mass-balance statement for one facility, material and claim, as the ledger reports it. */
export interface MassBalanceStatement {
  readonly facility: FacilityRef;
  /** Material of the account, e.g. `cobaltSulfate`. */
  readonly material: string;
  /** Claim (characteristic) of the account, e.g. `certifiedOrigin`. */
  readonly claim: string;
  /** Balancing period, e.g. `2025-Q1 (open)`. */
  readonly period: string;
  readonly openingGrams: number;
  readonly creditedGrams: number;
  readonly debitedGrams: number;
  /** Balance the ledger reports at the end of the statement. */
  readonly balanceGrams: number;
  readonly entries: readonly MassBalanceEntry[];
  /** The claims on outputs the debits booked, with what the credit backs. */
  readonly claims: readonly OutputClaim[];
}

/** A minimum recycled share set by regulation from a date. */
export interface RecycledMinimum {
  /** ISO 8601 date from which it applies. */
  readonly from: string;
  readonly percent: number;
}

/** Recycled content of one element in a battery. */
export interface RecycledShare {
  /** Element, e.g. `COBALT`. */
  readonly element: string;
  /** Whether the EU Battery Regulation (Art. 8) sets minimum recycled shares for it. */
  readonly regulated: boolean;
  /** Its minimum shares (empty for elements the regulation does not set). */
  readonly minimums: readonly RecycledMinimum[];
  /** Grams of the element in the battery, by provenance. */
  readonly totalGrams: number;
  /** Grams of it that came from recovered (recycled) lots. */
  readonly recycledGrams: number;
  /** Of the recycled grams, those from pre-consumer scrap. */
  readonly preConsumerGrams: number;
  /** Of the recycled grams, those from post-consumer waste batteries. */
  readonly postConsumerGrams: number;
  /** Share in percent as the ledger states it. */
  readonly sharePercent: number;
}

/** One recovered lot that contributes recycled content. */
export interface RecycledSource {
  readonly lotId: string;
  readonly material: string;
  readonly element: string;
  /** Grams of the element this lot contributed to the battery, by provenance (rounded down). */
  readonly grams: number;
  /** Where it was recovered from, e.g. `battery PACK-0002 via black mass BM-1`. */
  readonly origin: string;
}

/** Labelled mass a battery consumed, per claim (mass balance), as its record states it. */
export interface BatteryClaimLine {
  /** Claim, e.g. `POST_CONSUMER_RECYCLED`. */
  readonly claim: string;
  readonly grams: number;
}

/** Recycled-content shares of one battery and how they were computed. */
export interface RecycledContent {
  readonly batteryId: string;
  /** How the ledger computes the shares, in one or two sentences. */
  readonly method: string;
  /** Regulated elements first, each with its minimums; then the other conserved elements the battery holds. */
  readonly shares: readonly RecycledShare[];
  /** Regulated elements the battery holds none of (e.g. lead in a lithium-ion battery). */
  readonly regulatedAbsent: readonly string[];
  readonly sources: readonly RecycledSource[];
  /** Claim labels the battery carries (labelled mass consumed where the plant was attested); none is normal. */
  readonly claims: readonly BatteryClaimLine[];
}

/** One event of a custody timeline. */
export interface CustodyEvent {
  /** ISO 8601 time (the transaction timestamp). */
  readonly at: string;
  /** The lot or battery concerned. */
  readonly subjectId: string;
  /** What happened, e.g. `proposed`, `accepted`, `minted`, `transformed`, `placed on market`. */
  readonly action: string;
  /** Facility (or organisation) it left. */
  readonly from?: string;
  /** Facility (or organisation) it reached. */
  readonly to?: string;
  /** Grams moved or weighed. */
  readonly grams?: number;
  /** Grams lost in transit (proposed minus weighed). */
  readonly lossGrams?: number;
  /** Fabric transaction id. */
  readonly txId?: string;
}

/** Role of a node in the mass-flow diagram. */
export type FlowNodeKind = 'source' | 'process' | 'product' | 'loss';

/** A node of the mass-flow (Sankey) diagram: a site, a process step, a product or a loss sink. */
export interface FlowNode {
  readonly id: string;
  readonly label: string;
  readonly kind: FlowNodeKind;
  /** Column (stage) to draw it in; computed from the links when absent. */
  readonly column?: number;
}

/** Mass that flowed from one node to another. */
export interface FlowLink {
  readonly source: string;
  readonly target: string;
  readonly grams: number;
  /** Material carried, e.g. `cobaltSulfate`; it colours the band. */
  readonly material: string;
}

/** Mass flows through the chain, for the Sankey diagram. */
export interface MassFlows {
  readonly nodes: readonly FlowNode[];
  readonly links: readonly FlowLink[];
}

/** Everything one report shows. */
export interface ReportData {
  readonly title: string;
  /** ISO 8601 time the report was built. */
  readonly generatedAt: string;
  /** The scenario run the report belongs to (the id prefix). */
  readonly runId: string;
  /** Channel and chaincode read from. */
  readonly ledger: { readonly channel: string; readonly chaincode: string };
  /** The battery's passport; absent when the run has no battery on the ledger. */
  readonly passport?: PassportComparison;
  readonly trace: TraceNode;
  /** Absent when the ledger holds no mass-balance account for the run. */
  readonly massBalance?: MassBalanceStatement;
  /** Absent when the run has no battery on the ledger. */
  readonly recycledContent?: RecycledContent;
  readonly custody: readonly CustodyEvent[];
  readonly flows: MassFlows;
}
