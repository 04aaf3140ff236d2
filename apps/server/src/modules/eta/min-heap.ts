/** A binary min-heap of (time, payload) pairs — the event list of the forward simulation. */
export class MinHeap {
  private readonly times: number[] = [];
  private readonly payloads: number[] = [];

  get size(): number {
    return this.times.length;
  }

  push(time: number, payload: number): void {
    const { times, payloads } = this;
    let index = times.length;
    times.push(time);
    payloads.push(payload);
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (times[parent]! <= time) break;
      times[index] = times[parent]!;
      payloads[index] = payloads[parent]!;
      index = parent;
    }
    times[index] = time;
    payloads[index] = payload;
  }

  /** Removes the earliest entry; call only when size > 0. */
  pop(): { time: number; payload: number } {
    const { times, payloads } = this;
    const top = { time: times[0]!, payload: payloads[0]! };
    const lastTime = times.pop()!;
    const lastPayload = payloads.pop()!;
    const size = times.length;
    if (size > 0) {
      let index = 0;
      while (true) {
        const left = 2 * index + 1;
        if (left >= size) break;
        const right = left + 1;
        const child = right < size && times[right]! < times[left]! ? right : left;
        if (times[child]! >= lastTime) break;
        times[index] = times[child]!;
        payloads[index] = payloads[child]!;
        index = child;
      }
      times[index] = lastTime;
      payloads[index] = lastPayload;
    }
    return top;
  }
}
