/** The preview page's own words (the workbench inside it has its dictionaries). */
import { text } from '../i18n/text';

export const PREVIEW_TEXT = {
  title: text('AdPlan — try it without Excel', 'AdPlan —— 无需 Excel 试用'),
  subtitle: text(
    'The scenario workbench over a workbook in this browser. Nothing is uploaded: files stay on this computer.',
    '在浏览器中对工作簿使用情景工作台。不会上传任何数据：文件只留在这台电脑上。',
  ),
  open: text('Open workbook', '打开工作簿'),
  download: text('Download workbook', '下载工作簿'),
  loading: text('Opening the workbook…', '正在打开工作簿…'),
  sample: text('Sample merchant', '样本商家'),
  sheets: text('Sheets', '工作表'),
  openFailed: text('Could not open the file; the previous workbook is kept.', '无法打开该文件；仍保留之前的工作簿。'),
  truncated: text('Showing the first {rows} rows and {cols} columns.', '仅显示前 {rows} 行、{cols} 列。'),
  empty: text('This sheet is empty.', '此工作表为空。'),
  language: text('中文', 'English'),
  actionFailed: text('That did not work; the workbook is unchanged.', '操作未完成；工作簿未改变。'),
  lossTitle: text('The downloaded file will not keep everything:', '下载的文件无法保留以下内容：'),
  downloadAnyway: text('Download anyway', '仍然下载'),
  cancel: text('Cancel', '取消'),
} as const;
