export declare const budgetBytes: number;
export declare function buildWidget(
  outfile?: string,
): Promise<{ outfile: string; bytes: number; gzipBytes: number }>;
