import { createApp } from 'vue';
import 'status-widget';
import App from './App.vue';

createApp(App).mount('#app');
