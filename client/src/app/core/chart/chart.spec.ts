import { TestBed } from '@angular/core/testing';
import { Chart } from 'chart.js';
import { settle } from '../testing/http-testing';
import { ShopChart, type ShopChartConfig } from './chart';

function barsOf(labels: string[], data: number[]): ShopChartConfig {
  return { type: 'bar', data: { labels, datasets: [{ label: 'Revenue', data }] }, options: { animation: false } };
}

describe('ShopChart', () => {
  function create(config: ShopChartConfig) {
    const fixture = TestBed.createComponent(ShopChart);
    fixture.componentRef.setInput('config', config);
    fixture.componentRef.setInput('caption', 'Revenue per day');
    fixture.componentRef.setInput('labelHeading', 'Day');
    return fixture;
  }

  async function rendered(fixture: ReturnType<typeof create>): Promise<void> {
    await fixture.whenStable();
    await settle();
  }

  it('draws the chart on a canvas hidden from assistive technology, with a table of the same numbers', async () => {
    const fixture = create(barsOf(['9 Mar', '10 Mar'], [1200, 3400]));
    fixture.componentRef.setInput('formatValue', (value: number) => `€${value / 100}`);
    await rendered(fixture);
    const element = fixture.nativeElement as HTMLElement;

    const canvas = element.querySelector('canvas')!;
    expect(Chart.getChart(canvas)).toBeDefined();
    expect(fixture.componentInstance.instance?.data.labels).toEqual(['9 Mar', '10 Mar']);
    expect(canvas.closest('[aria-hidden="true"]')).not.toBeNull();

    const table = element.querySelector('table')!;
    expect(table.querySelector('caption')?.textContent?.trim()).toBe('Revenue per day');
    expect([...table.querySelectorAll('thead th')].map((cell) => cell.textContent?.trim())).toEqual(['Day', 'Revenue']);
    const rows = [...table.querySelectorAll('tbody tr')].map((row) => [...row.children].map((cell) => `${cell.tagName}:${cell.textContent?.trim()}`));
    expect(rows).toEqual([
      ['TH:9 Mar', 'TD:€12'],
      ['TH:10 Mar', 'TD:€34'],
    ]);
  });

  it('redraws the same chart when the config changes, and a new one when the type does', async () => {
    const fixture = create(barsOf(['9 Mar'], [1200]));
    await rendered(fixture);
    const first = fixture.componentInstance.instance;

    fixture.componentRef.setInput('config', barsOf(['9 Mar', '10 Mar'], [1200, 500]));
    await rendered(fixture);
    expect(fixture.componentInstance.instance).toBe(first);
    expect(first?.data.datasets[0]?.data).toEqual([1200, 500]);
    expect((fixture.nativeElement as HTMLElement).querySelectorAll('tbody tr').length).toBe(2);

    fixture.componentRef.setInput('config', { type: 'doughnut', data: { labels: ['Paid'], datasets: [{ label: 'Orders', data: [3] }] }, options: { animation: false } });
    await rendered(fixture);
    expect(fixture.componentInstance.instance).not.toBe(first);
    const canvas = (fixture.nativeElement as HTMLElement).querySelector('canvas')!;
    expect(Chart.getChart(canvas)).withContext('the bar chart is gone').toBe(fixture.componentInstance.instance);
    expect(fixture.componentInstance.instance?.data.labels).toEqual(['Paid']);
  });

  it('destroys the chart with the component', async () => {
    const fixture = create(barsOf(['9 Mar'], [1200]));
    await rendered(fixture);
    const canvas = (fixture.nativeElement as HTMLElement).querySelector('canvas')!;
    fixture.destroy();
    expect(Chart.getChart(canvas)).toBeUndefined();
  });
});
