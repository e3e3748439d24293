import { afterNextRender, ChangeDetectionStrategy, Component, computed, DestroyRef, effect, type ElementRef, inject, input, untracked, viewChild } from '@angular/core';
import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  type ChartType,
  DoughnutController,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';

// Only the pieces the shop's charts use, so the bundle carries no more of Chart.js than that.
Chart.register(BarController, BarElement, LineController, LineElement, PointElement, DoughnutController, ArcElement, CategoryScale, LinearScale, Tooltip, Legend, Filler);
Chart.defaults.font.family = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
Chart.defaults.color = '#5c6670';
Chart.defaults.borderColor = '#e9ecef';

/** A chart of numbers by label: what the shop draws. */
export type ShopChartConfig = ChartConfiguration<ChartType, number[], string>;

/** How a value reads in the table that stands in for the chart; `dataset` is its index in `data.datasets`. */
export type ChartValueFormat = (value: number, dataset: number) => string;

const plainNumber = new Intl.NumberFormat('en-IE');

/**
 * A Chart.js chart, drawn once the view is in the page and redrawn when `config` changes. The
 * canvas is hidden from assistive technology; a visually hidden table of the same numbers, under
 * `caption`, takes its place.
 */
@Component({
  selector: 'shop-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="canvas-box" aria-hidden="true"><canvas #canvas></canvas></div>
    <!-- A table ignores a width of 1px, so the wrapper is what is hidden. -->
    <div class="visually-hidden">
      <table>
        <caption>{{ caption() }}</caption>
        <thead>
          <tr>
            <th scope="col">{{ labelHeading() }}</th>
            @for (dataset of config().data.datasets; track $index) {
              <th scope="col">{{ dataset.label }}</th>
            }
          </tr>
        </thead>
        <tbody>
          @for (row of rows(); track $index) {
            <tr>
              <th scope="row">{{ row.label }}</th>
              @for (cell of row.cells; track $index) {
                <td>{{ cell }}</td>
              }
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styles: `
    :host { display: block; position: relative; }
    .canvas-box { position: relative; height: var(--chart-height, 15rem); }
  `,
})
export class ShopChart {
  readonly config = input.required<ShopChartConfig>();
  /** Names the chart's numbers for screen readers: the table's caption. */
  readonly caption = input.required<string>();
  /** The heading of the table's first column, over the labels. */
  readonly labelHeading = input('');
  readonly formatValue = input<ChartValueFormat>((value) => plainNumber.format(value));

  private readonly canvas = viewChild.required<ElementRef<HTMLCanvasElement>>('canvas');
  private chart: Chart<ChartType, number[], string> | undefined;
  private drawnType: ChartType | undefined;

  protected readonly rows = computed(() => {
    const { labels = [], datasets } = this.config().data;
    const format = this.formatValue();
    return labels.map((label, index) => ({ label, cells: datasets.map((dataset, at) => format(dataset.data[index] ?? 0, at)) }));
  });

  constructor() {
    afterNextRender({ write: () => this.draw(untracked(this.config)) });
    effect(() => {
      const config = this.config();
      // Before the first render there is no chart yet; afterNextRender draws it with the latest config.
      if (this.chart) untracked(() => this.draw(config));
    });
    inject(DestroyRef).onDestroy(() => {
      this.chart?.destroy();
      this.chart = undefined;
    });
  }

  /** The drawn chart, for specs. */
  get instance(): Chart<ChartType, number[], string> | undefined {
    return this.chart;
  }

  private draw(config: ShopChartConfig): void {
    const options = { responsive: true, maintainAspectRatio: false, ...config.options, ...(prefersReducedMotion() ? { animation: false as const } : {}) };
    const chart = this.chart;
    if (chart && this.drawnType === config.type) {
      chart.data = config.data;
      chart.options = options;
      chart.update();
      return;
    }
    chart?.destroy();
    this.chart = new Chart(this.canvas().nativeElement, { ...config, options });
    this.drawnType = config.type;
  }
}

function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}
