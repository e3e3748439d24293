import { randomUUID } from 'node:crypto';
import { Schema, model, trusted } from 'mongoose';
import type { Logger } from 'pino';
import { isDuplicateKeyError } from '../database/errors';
import { AppError } from '../http/app-error';
import { OrderModel } from './order.model';
import type { OrderLifecycle } from './order-lifecycle';
import { IdempotentRequests } from './idempotent-requests';

/** A job that only one instance may run at a time: whoever holds an unexpired lease. */
const leaseSchema = new Schema({ _id: { type: String, required: true }, holder: { type: String, required: true }, until: { type: Date, required: true } }, { strict: 'throw' });
const LeaseModel = model('Lease', leaseSchema);

const leaseName = 'reservation-sweeper';
const keyPurgeIntervalMs = 60 * 60 * 1000;

export interface SweepReport {
  expired: number;
  settled: number;
}

/**
 * Releases the stock of unpaid orders whose reservation ran out, by cancelling them (SPEC section
 * 5), and finishes what a crash interrupted: an order whose stock or refund lags behind its status
 * is settled again. It runs at start-up and then every `intervalMs`, under a lease in the
 * database, so of several instances only one sweeps at a time. Should two ever overlap, each
 * cancellation is still a guarded move and each release a guarded update: nothing happens twice.
 *
 * Every query is an equality on an indexed field (`status`, `stockState`, `payment.status`), so on
 * FerretDB only those few orders are read.
 */
export class ReservationSweeper {
  private readonly holder = randomUUID();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();
  /** When this instance last removed expired idempotency keys (0: not yet, so at start-up). */
  private lastKeyPurge = 0;

  constructor(
    private readonly lifecycle: OrderLifecycle,
    private readonly log: Logger,
    private readonly intervalMs: number,
  ) {}

  start(): void {
    const tick = () => {
      this.running = this.sweepIfLeased().catch((error: unknown) => this.log.error({ err: error }, 'the reservation sweep failed'));
    };
    tick();
    this.timer = setInterval(tick, this.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
    await LeaseModel.deleteOne({ _id: leaseName, holder: this.holder }).catch(() => undefined);
  }

  /** One sweep, if this instance holds the lease; undefined when another instance does. */
  async sweepIfLeased(now = new Date()): Promise<SweepReport | undefined> {
    if (!(await this.takeLease(now))) return undefined;
    return this.sweep(now);
  }

  async sweep(now = new Date()): Promise<SweepReport> {
    const report: SweepReport = { expired: 0, settled: 0 };
    const unpaid = await OrderModel.find({ status: 'pending_payment' }, { reservedUntil: 1 }).lean();
    for (const order of unpaid) {
      if (!order.reservedUntil || order.reservedUntil > now) continue;
      try {
        await this.lifecycle.move(order._id, 'cancelled', 'system', { note: 'The payment did not arrive in time; the reserved items were released' });
        report.expired += 1;
      } catch (error) {
        // The payment arrived at the last moment and moved it first.
        if (!(error instanceof AppError && error.code === 'illegal_transition')) throw error;
      }
    }
    const stockBehind = [...(await OrderModel.find({ stockState: 'held' }).lean()), ...(await OrderModel.find({ stockState: 'reserving' }).lean())].filter(
      (order) => order.status !== 'pending_payment',
    );
    const moneyBehind = [
      ...(await OrderModel.find({ status: 'cancelled', 'payment.status': 'authorized' }).lean()),
      ...(await OrderModel.find({ status: 'cancelled', 'payment.status': 'captured' }).lean()),
      ...(await OrderModel.find({ status: 'returned', 'payment.status': 'captured' }).lean()),
    ];
    for (const order of [...stockBehind, ...moneyBehind]) {
      await this.lifecycle.settle(order);
      report.settled += 1;
    }
    if (now.getTime() - this.lastKeyPurge >= keyPurgeIntervalMs) {
      await IdempotentRequests.removeExpired(now.getTime());
      this.lastKeyPurge = now.getTime();
    }
    if (report.expired + report.settled > 0) this.log.info(report, 'reservation sweep');
    return report;
  }

  /** Takes or renews the lease for two intervals; false while another instance holds it. */
  private async takeLease(now: Date): Promise<boolean> {
    const until = new Date(now.getTime() + this.intervalMs * 2);
    const renewed = await LeaseModel.updateOne({ _id: leaseName, holder: this.holder }, { $set: { until } });
    if (renewed.modifiedCount === 1) return true;
    const taken = await LeaseModel.updateOne({ _id: leaseName, until: trusted({ $lte: now }) }, { $set: { holder: this.holder, until } });
    if (taken.modifiedCount === 1) return true;
    try {
      await LeaseModel.create({ _id: leaseName, holder: this.holder, until });
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }
}
